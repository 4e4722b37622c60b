import logging
import subprocess
from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/status")
def status():
    label = request.headers.get("X-Label", "")
    log.info("status requested by %s", label)
    uptime = subprocess.check_output(["uptime"], text=True)
    return {"uptime": uptime, "label": label}
