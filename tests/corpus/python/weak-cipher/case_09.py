from Crypto.Cipher import DES
from flask import Flask, request
import os

app = Flask(__name__)
KEY = os.environ["CARD_KEY"].encode()[:8]


@app.post("/cards")
def store_card():
    number = request.form["number"].encode().ljust(16, b" ")
    cipher = DES.new(KEY, DES.MODE_ECB)
    return {"stored": cipher.encrypt(number).hex()}
