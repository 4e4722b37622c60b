from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives import padding
from fastapi import FastAPI
from pydantic import BaseModel
import os

app = FastAPI()
KEY = os.urandom(32)


class Secret(BaseModel):
    value: str


@app.post("/vault")
def vault(secret: Secret):
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(secret.value.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    return {"iv": iv.hex(), "value": (encryptor.update(data) + encryptor.finalize()).hex()}
