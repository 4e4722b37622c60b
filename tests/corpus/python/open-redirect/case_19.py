import flask
from flask import Flask

app = Flask(__name__)


@app.route("/out")
def outbound():
    link = flask.request.args["link"]
    return flask.redirect("https://" + link)
