import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    requested = request.args.get("name", "")
    requested = "summary.txt"
    with open(os.path.join("/srv/reports", requested)) as handle:
        return handle.read()
