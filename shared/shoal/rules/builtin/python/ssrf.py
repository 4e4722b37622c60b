import http.client
from urllib.parse import quote, urlparse

import httpx
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


session = requests.Session()
PARTNERS = {"partner-a.example.net", "partner-b.example.net"}


def download(url):
    # ruleid: ssrf/python-tainted-url
    return session.get(url, timeout=10).content


@app.route("/import/<owner>")
async def import_csv(owner):
    source = request.cookies.get("import_source", "")
    download(source)
    # ruleid: ssrf/python-tainted-url
    http.client.HTTPConnection(source, timeout=5)
    async with httpx.AsyncClient() as client:
        # ruleid: ssrf/python-tainted-url
        await client.get(source)
    # ok: ssrf/python-tainted-url
    requests.get("https://api.github.com/repos/" + quote(owner, ""), timeout=5)
    parsed = urlparse(source)
    if parsed.scheme != "https" or parsed.hostname not in PARTNERS:
        return "unknown partner"
    # ok: ssrf/python-tainted-url
    return requests.get(source, timeout=5).status_code
