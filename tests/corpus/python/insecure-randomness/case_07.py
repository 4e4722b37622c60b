import random
import base64
from flask import Flask, make_response

app = Flask(__name__)


@app.route("/remember-me")
def remember_me():
    raw = bytes(random.randint(0, 255) for _ in range(24))
    resp = make_response("remembered")
    resp.set_cookie("remember", base64.urlsafe_b64encode(raw).decode(), secure=True, httponly=True)
    return resp
