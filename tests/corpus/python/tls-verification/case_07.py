import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/rates")
def rates():
    currency = request.args.get("currency", "EUR")
    resp = requests.get("https://rates.example.com/latest", params={"base": currency}, timeout=5)
    return resp.json()
