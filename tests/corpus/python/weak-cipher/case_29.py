from Crypto.Cipher import AES as Aes
from fastapi import FastAPI, Header
import os

app = FastAPI()
MODE = Aes.MODE_ECB


@app.get("/wrap")
def wrap(x_payload: str = Header(...)):
    cipher = Aes.new(os.urandom(16), MODE)
    return {"wrapped": cipher.encrypt(x_payload.encode().ljust(16, b"\0")[:16]).hex()}
