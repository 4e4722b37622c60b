import secrets
from flask import Flask, make_response

app = Flask(__name__)


@app.route("/remember-me")
def remember_me():
    resp = make_response("remembered")
    resp.set_cookie("remember", secrets.token_urlsafe(24), secure=True, httponly=True, samesite="Lax")
    return resp
