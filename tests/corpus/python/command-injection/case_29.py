import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/convert", methods=["POST"])
def convert():
    src = request.form.get("src")
    fmt = request.form.get("format", "pdf")
    os.execl("/bin/sh", "sh", "-c", f"libreoffice --convert-to {fmt} {src}")
