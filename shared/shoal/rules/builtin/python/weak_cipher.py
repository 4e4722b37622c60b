from Crypto.Cipher import AES, ARC4, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_legacy(key, iv, data):
    # ruleid: crypto/python-weak-cipher
    des = DES.new(key, DES.MODE_CBC, iv)
    # ruleid: crypto/python-weak-cipher
    stream = ARC4.new(key)
    # ruleid: crypto/python-weak-cipher
    cipher = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    return des.encrypt(data), stream.encrypt(data), cipher


def encrypt(key, nonce, data):
    # ok: crypto/python-weak-cipher
    aes = AES.new(key, AES.MODE_GCM, nonce=nonce)
    # ok: crypto/python-weak-cipher
    cipher = Cipher(algorithms.AES(key), modes.GCM(nonce))
    # ok: crypto/python-weak-cipher
    mode = DES.MODE_CBC
    return aes.encrypt_and_digest(data), cipher, mode


def spelled_otherwise(key, data):
    import Crypto.Cipher.DES3
    from Cryptodome.Cipher import Blowfish as BF
    from cryptography.hazmat.decrepit.ciphers import algorithms as old

    # ruleid: crypto/python-weak-cipher
    triple = Crypto.Cipher.DES3.new(key, 2)
    # ruleid: crypto/python-weak-cipher
    fish = BF.new(key, 1)
    # ruleid: crypto/python-weak-cipher
    rc4 = old.ARC4(key)
    # ok: crypto/python-weak-cipher
    note = "DES.new(key) was replaced"  # ARC4.new(key)
    # ok: crypto/python-weak-cipher
    mine = my_ciphers.ARC4(key)
    import pyDes
    # ruleid: crypto/python-weak-cipher
    engine = pyDes.triple_des(key)
    return triple, fish, rc4, note, mine
