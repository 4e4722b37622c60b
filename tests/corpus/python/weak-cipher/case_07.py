from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from flask import Flask, request
import os

app = Flask(__name__)
KEY = os.urandom(32)


def encrypt_block(data):
    encryptor = Cipher(algorithms.AES(KEY), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


@app.post("/ssn")
def ssn():
    return {"ssn": encrypt_block(request.form["ssn"].encode().ljust(16, b"0")).hex()}
