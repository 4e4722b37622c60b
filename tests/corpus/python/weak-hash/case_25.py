import hashlib
import os
from flask import Flask, request

app = Flask(__name__)


@app.post("/register")
def register():
    password = request.form["password"]
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    return {"stored": (salt + digest).hex()}
