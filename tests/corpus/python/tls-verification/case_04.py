import requests
from flask import Flask, request

app = Flask(__name__)
VERIFY_TLS = True


def post_event(payload):
    return requests.post("https://events.internal/ingest", json=payload, verify=VERIFY_TLS, timeout=5)


@app.post("/events")
def events():
    return {"status": post_event(request.get_json()).status_code}
