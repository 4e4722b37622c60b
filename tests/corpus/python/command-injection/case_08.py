import subprocess
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/git/log")
def git_log():
    data = request.get_json()
    branch = data.get("branch", "main")
    parts = ["git", "log", "--oneline", branch]
    line = " ".join(parts)
    proc = subprocess.Popen(line, shell=True, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    return jsonify(lines=out.decode().splitlines())
