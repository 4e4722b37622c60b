import logging
import requests
from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/webhooks/test")
def test_webhook():
    hook = request.get_json().get("callback_url", "")
    log.info("test requested for %s", hook)
    result = requests.post("https://hooks.example.com/echo", json={"event": "ping"}, timeout=3)
    return {"delivered": result.status_code}
