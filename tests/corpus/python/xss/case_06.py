from markupsafe import Markup, escape
from flask import Flask, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    who = request.cookies.get("who", "world")
    return str(Markup("<strong>Hello, %s</strong>") % escape(who))
