import hashlib
from flask import Flask, request, session

app = Flask(__name__)


@app.post("/login")
def login():
    users = {"alice": "5f4dcc3b5aa765d61d8327deb882cf99"}
    name = request.form["user"]
    hashed = hashlib.md5(request.form["password"].encode()).hexdigest()
    if users.get(name) == hashed:
        session["user"] = name
    return {"logged_in": "user" in session}
