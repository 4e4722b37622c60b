import io
from flask import Flask, request

app = Flask(__name__)


def load_template(name):
    with io.open("templates/" + name, encoding="utf-8") as handle:
        return handle.read()


@app.route("/page")
def page():
    return load_template(request.args["name"])
