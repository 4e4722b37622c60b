import re
import subprocess
from flask import Flask, request, abort

app = Flask(__name__)
BRANCH = re.compile(r"^[A-Za-z0-9._/-]{1,80}$")


@app.route("/git/log")
def git_log():
    branch = request.args.get("branch", "main")
    if not BRANCH.fullmatch(branch) or branch.startswith("-"):
        abort(400)
    out = subprocess.check_output(["git", "log", "--oneline", branch], text=True)
    return out
