from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import FastAPI, Header
import os

app = FastAPI()
aead = AESGCM(AESGCM.generate_key(bit_length=256))


@app.get("/wrap")
def wrap(x_payload: str = Header(...)):
    nonce = os.urandom(12)
    return {"wrapped": (nonce + aead.encrypt(nonce, x_payload.encode(), None)).hex()}
