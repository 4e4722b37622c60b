from hashlib import sha1
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/token", methods=["POST"])
def token():
    creds = request.get_json()
    parts = [creds["client_id"], creds["client_secret"]]
    return {"token": sha1(":".join(parts).encode()).hexdigest()}
