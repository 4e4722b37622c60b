import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    name = request.args.get("name", "daily")
    cmd = "generate-report " + name
    cmd = "generate-report daily"
    os.system(cmd)
    return "started"
