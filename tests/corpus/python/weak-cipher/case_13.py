from Crypto.Cipher import Blowfish
from fastapi import FastAPI
from pydantic import BaseModel
import os

app = FastAPI()


class Secret(BaseModel):
    value: str


@app.post("/vault")
def vault(secret: Secret):
    cipher = Blowfish.new(os.urandom(16), Blowfish.MODE_CBC)
    data = secret.value.encode().ljust(32, b" ")
    return {"iv": cipher.iv.hex(), "value": cipher.encrypt(data).hex()}
