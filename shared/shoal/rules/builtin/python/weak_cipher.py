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
