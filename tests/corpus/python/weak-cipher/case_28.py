from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from flask import Flask, request
import os

app = Flask(__name__)
KEY = ChaCha20Poly1305.generate_key()


@app.route("/api/messages", methods=["POST"])
def messages():
    nonce = os.urandom(12)
    sealed = ChaCha20Poly1305(KEY).encrypt(nonce, request.get_data(), b"messages")
    return {"ciphertext": (nonce + sealed).hex()}
