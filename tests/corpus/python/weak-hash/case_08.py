import hashlib
import hmac
import os
from flask import Flask, request

app = Flask(__name__)
SECRET = os.environ["WEBHOOK_SECRET"].encode()


@app.route("/api/verify", methods=["POST"])
def verify():
    actual = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    return {"valid": hmac.compare_digest(actual, request.headers.get("X-Signature", ""))}
