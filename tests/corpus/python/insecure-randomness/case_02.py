import secrets
from flask import Flask, request

app = Flask(__name__)


@app.post("/password/reset")
def reset():
    email = request.form["email"]
    return {"email": email, "reset_token": secrets.token_urlsafe(32)}
