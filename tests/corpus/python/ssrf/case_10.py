import requests
from flask import Flask, request

app = Flask(__name__)
REGIONS = ("eu", "us", "ap")


@app.route("/latency")
def latency():
    region = request.args.get("region", "eu")
    if region not in REGIONS:
        region = "eu"
    resp = requests.get(f"https://{region}.api.example.com/ping", timeout=2)
    return {"ms": resp.elapsed.total_seconds() * 1000}
