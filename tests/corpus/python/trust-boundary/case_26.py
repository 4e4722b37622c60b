from flask import Flask, request, session

app = Flask(__name__)


def remember(key, value):
    session[key] = value


@app.route("/lang")
def lang():
    remember("lang", request.cookies.get("lang", "en"))
    return "language saved"
