import requests
from flask import Flask, request

app = Flask(__name__)
SERVICES = {"billing": "https://billing.internal/api", "stock": "https://stock.internal/api"}


def fetch(url):
    # ruleid: ssrf/python-tainted-url
    return requests.get(url, timeout=5)


@app.route("/proxy")
def proxy():
    target = request.args.get("url")
    # ruleid: ssrf/python-tainted-url
    requests.get(target, timeout=5)
    # ruleid: ssrf/python-tainted-url
    requests.post(url="https://" + target + "/hook", json={}, timeout=5)
    fetch(target)
    service = request.args.get("service")
    if service in SERVICES:
        # ok: ssrf/python-tainted-url
        requests.get(service, timeout=5)
    # ok: ssrf/python-tainted-url
    requests.get(SERVICES["billing"], params={"q": target}, timeout=5)
    # ok: ssrf/python-tainted-url
    requests.get("https://example.com/health", timeout=5)
    return "ok"
