from Crypto.Cipher import AES
from Crypto.Util.Padding import pad
from fastapi import FastAPI
import os

app = FastAPI()
KEY = os.urandom(16)


@app.get("/ids/{record_id}")
def obfuscate(record_id: int):
    cipher = AES.new(KEY, AES.MODE_CBC)
    data = cipher.encrypt(pad(str(record_id).encode(), AES.block_size))
    return {"iv": cipher.iv.hex(), "id": data.hex()}
