import hashlib
from flask import Flask, request

app = Flask(__name__)


@app.post("/register")
def register():
    password = request.form["password"]
    digest = hashlib.md5(password.encode()).hexdigest()
    return {"stored": digest}
