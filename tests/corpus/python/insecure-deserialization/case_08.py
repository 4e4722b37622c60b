import pickle
from flask import Flask, request

app = Flask(__name__)


def decode_session(data):
    return pickle.loads(bytes.fromhex(data))


@app.route("/cart")
def cart():
    items = decode_session(request.headers.get("X-Cart", ""))
    return {"count": len(items)}
