from flask import Flask, make_response
import secrets

app = Flask(__name__)


@app.post("/admin/login")
def admin_login():
    resp = make_response("admin")
    cookie_flags = {"secure": False, "httponly": True}
    resp.set_cookie("admin_session", secrets.token_hex(32), **cookie_flags)
    return resp
