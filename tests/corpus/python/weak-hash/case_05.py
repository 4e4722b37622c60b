from Crypto.Hash import MD5
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/verify", methods=["POST"])
def verify():
    payload = request.get_data()
    expected = request.headers.get("X-Signature", "")
    actual = MD5.new(payload).hexdigest()
    return {"valid": actual == expected}
