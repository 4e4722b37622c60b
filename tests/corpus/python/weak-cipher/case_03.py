from Crypto.Cipher import DES
from flask import Flask, request

app = Flask(__name__)


class TokenBox:
    def __init__(self, key):
        self.cipher = DES.new(key, DES.MODE_CBC, iv=b"\0" * 8)

    def seal(self, text):
        return self.cipher.encrypt(text.encode().ljust(16, b" ")).hex()


@app.route("/seal")
def seal():
    return {"sealed": TokenBox(b"k3y-8byt").seal(request.args.get("text", ""))}
