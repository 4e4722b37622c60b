import secrets
from flask import Flask, make_response

app = Flask(__name__)
SECURE_COOKIES = True


@app.post("/admin/login")
def admin_login():
    resp = make_response("admin")
    resp.set_cookie("admin_session", secrets.token_hex(32), secure=SECURE_COOKIES, httponly=True)
    return resp
