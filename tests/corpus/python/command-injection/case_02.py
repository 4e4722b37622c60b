import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/grep", methods=["POST"])
def grep():
    pattern = request.json["pattern"]
    jobs = {"grep": "grep -rn '" + pattern + "' /srv/docs"}
    res = subprocess.run(jobs["grep"], shell=True, stdout=subprocess.PIPE, text=True)
    return res.stdout
