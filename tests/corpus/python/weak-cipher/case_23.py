from Crypto.Cipher import ARC4
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/messages", methods=["POST"])
def messages():
    key = request.headers.get("X-Session-Key", "").encode()
    rc4 = ARC4.new(key)
    return {"ciphertext": rc4.encrypt(request.get_data()).hex()}
