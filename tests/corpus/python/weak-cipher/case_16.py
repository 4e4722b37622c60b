from Crypto.Cipher import ARC2
from flask import Flask, request
import os

app = Flask(__name__)


@app.post("/legacy/encrypt")
def legacy_encrypt():
    cipher = ARC2.new(os.urandom(16), ARC2.MODE_CFB)
    return {"iv": cipher.iv.hex(), "data": cipher.encrypt(request.get_data()).hex()}
