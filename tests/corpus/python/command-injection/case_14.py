import subprocess
from flask import Flask, request

app = Flask(__name__)


def runner(command):
    return subprocess.run(command, shell=True, capture_output=True).stdout


@app.get("/whois")
def whois():
    name = request.headers.get("X-Domain", "example.org")
    return runner("whois {}".format(name))
