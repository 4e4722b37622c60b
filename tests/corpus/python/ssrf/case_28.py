import requests as http
from flask import Flask, request

app = Flask(__name__)


@app.post("/webhooks/test")
def test_webhook():
    hook = request.get_json()["callback_url"]
    result = http.post(hook, json={"event": "ping"}, timeout=3)
    return {"delivered": result.status_code}
