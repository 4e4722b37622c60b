from argon2 import PasswordHasher
from flask import Flask, request

app = Flask(__name__)
hasher = PasswordHasher()


@app.post("/password/change")
def change_password():
    return {"hash": hasher.hash(request.form["new_password"])}
