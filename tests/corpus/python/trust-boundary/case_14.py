import flask
from flask import Flask

app = Flask(__name__)


@app.post("/login")
def login():
    username = flask.request.form["username"]
    flask.session["user"] = username
    return flask.redirect("/")
