from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from fastapi import FastAPI, Request
import os

app = FastAPI()


@app.post("/backup")
async def backup(request: Request):
    key, iv = os.urandom(16), os.urandom(8)
    ciphers = {"default": algorithms.Blowfish(key)}
    encryptor = Cipher(ciphers["default"], modes.CBC(iv)).encryptor()
    data = await request.body()
    data += b"\0" * (-len(data) % 8)
    return {"backup": (encryptor.update(data) + encryptor.finalize()).hex()}
