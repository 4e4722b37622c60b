from cryptography.hazmat.primitives.keywrap import aes_key_wrap
from flask import Flask, request
import os

app = Flask(__name__)
KEK = os.urandom(32)


@app.post("/keys/wrap")
def wrap_key():
    key = bytes.fromhex(request.form["key"])
    return {"wrapped": aes_key_wrap(KEK, key).hex()}
