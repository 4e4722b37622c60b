from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB as Electronic


def seal(key, iv, nonce, data):
    # ruleid: crypto/python-ecb-mode
    block = AES.new(key, AES.MODE_ECB)
    # ruleid: crypto/python-ecb-mode
    cipher = Cipher(algorithms.AES(key), modes.ECB())
    # ok: crypto/python-ecb-mode
    gcm = AES.new(key, AES.MODE_GCM, nonce=nonce)
    # ok: crypto/python-ecb-mode
    cbc = Cipher(algorithms.AES(key), modes.CBC(iv))
    return block.encrypt(data), cipher, gcm, cbc


def spelled_otherwise(key):
    import cryptography.hazmat.primitives.ciphers.modes as m

    # ruleid: crypto/python-ecb-mode
    a = Cipher(algorithms.AES(key), m.ECB())
    # ruleid: crypto/python-ecb-mode
    b = Cipher(algorithms.AES(key), Electronic())
    # ok: crypto/python-ecb-mode
    c = "modes.ECB() is not used"  # modes.ECB()
    # ok: crypto/python-ecb-mode
    d = my_modes.ECB()
    # ruleid: crypto/python-ecb-mode
    e = AES.new(key, 1)
    # ok: crypto/python-ecb-mode
    f = AES.new(key, 2, iv=key)
    return a, b, c, d
