from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from fastapi import FastAPI
import os

app = FastAPI()
KEY = os.urandom(24)


@app.post("/tokens/{user}")
def token(user: str):
    encryptor = Cipher(algorithms.TripleDES(KEY), modes.CBC(os.urandom(8))).encryptor()
    data = user.encode().ljust(16, b"\0")
    return {"token": (encryptor.update(data) + encryptor.finalize()).hex()}
