from Crypto.Cipher import AES
from flask import Flask, request
import os

app = Flask(__name__)
KEY = bytes.fromhex(os.environ["CARD_KEY"])


@app.post("/cards")
def store_card():
    cipher = AES.new(KEY, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(request.form["number"].encode())
    return {"nonce": cipher.nonce.hex(), "card": ciphertext.hex(), "tag": tag.hex()}
