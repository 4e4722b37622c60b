import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/dig")
def dig():
    target = request.cookies.get("last_host", "localhost")
    return subprocess.getoutput("dig +short " + target)
