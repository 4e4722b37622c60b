import shlex
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.post("/archive")
def archive():
    folder = request.form["folder"]
    cmd = "tar czf /tmp/out.tgz " + shlex.quote(folder)
    subprocess.check_call(cmd, shell=True)
    return "done"
