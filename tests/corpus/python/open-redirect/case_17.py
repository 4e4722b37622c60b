from flask import Flask, request, redirect, url_for

app = Flask(__name__)


def after_login_url(req):
    return req.form.get("next") or url_for("index")


@app.post("/login")
def login():
    return redirect(after_login_url(request))
