from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


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
