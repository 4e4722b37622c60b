import hashlib
from flask import Flask, request

app = Flask(__name__)


def password_hash(password, salt):
    return hashlib.md5(salt + password.encode()).hexdigest()


@app.post("/password/change")
def change_password():
    return {"hash": password_hash(request.form["new_password"], b"pepper")}
