from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from flask import Flask, request
import os

app = Flask(__name__)
KEY = os.urandom(32)


def encrypt(data):
    nonce = os.urandom(12)
    encryptor = Cipher(algorithms.AES(KEY), modes.GCM(nonce)).encryptor()
    return nonce + encryptor.update(data) + encryptor.finalize() + encryptor.tag


@app.post("/ssn")
def ssn():
    return {"ssn": encrypt(request.form["ssn"].encode()).hex()}
