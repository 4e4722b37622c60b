from Crypto.Cipher import AES
from fastapi import FastAPI
import os

app = FastAPI()
KEY = os.urandom(16)


@app.get("/ids/{record_id}")
def obfuscate(record_id: int):
    block = record_id.to_bytes(16, "big")
    return {"id": AES.new(KEY, 1).encrypt(block).hex()}
