from flask import Flask, request, redirect, url_for

app = Flask(__name__)


@app.post("/login")
def login():
    user = request.form.get("user", "")
    return redirect(url_for("dashboard", user=user))


@app.route("/dashboard")
def dashboard():
    return "dashboard"
