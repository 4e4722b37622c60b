from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from flask import Flask, request

app = Flask(__name__)
KEY = get_random_bytes(32)


@app.route("/seal")
def seal():
    cipher = AES.new(KEY, AES.MODE_SIV)
    ciphertext, tag = cipher.encrypt_and_digest(request.args.get("text", "").encode())
    return {"sealed": (tag + ciphertext).hex()}
