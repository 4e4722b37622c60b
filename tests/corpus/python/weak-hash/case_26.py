from Crypto.Hash import SHA256
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/token", methods=["POST"])
def token():
    creds = request.get_json()
    material = (creds["client_id"] + ":" + creds["nonce"]).encode()
    return {"digest": SHA256.new(material).hexdigest()}
