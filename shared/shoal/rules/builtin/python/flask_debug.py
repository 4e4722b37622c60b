import os

from flask import Flask

app = Flask(__name__)


def main():
    if os.environ.get("LOCAL"):
        # ruleid: config/python-flask-debug
        app.run(debug=True)
    else:
        # ok: config/python-flask-debug
        app.run(host="127.0.0.1", port=8000)


def main_configured():
    # ok: config/python-flask-debug
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: config/python-flask-debug
    app.run(debug=False)
    # ruleid: config/python-flask-debug
    app.run("127.0.0.1",
            8000,
            debug=True)
