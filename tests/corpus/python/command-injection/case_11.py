import os
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/backup", methods=["POST"])
def backup():
    target = request.form.get("target", "")
    path = os.path.join("/backups", os.path.basename(target))
    os.makedirs(path, exist_ok=True)
    subprocess.call("rsync -a /srv/data/ /backups/latest/", shell=True)
    return {"stored": path}
