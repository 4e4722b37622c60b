import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.post("/archive")
def archive():
    folder = request.form["folder"]
    cmd = f"tar czf /tmp/out.tgz {folder}"
    output = subprocess.check_output(cmd, shell=True)
    return output
