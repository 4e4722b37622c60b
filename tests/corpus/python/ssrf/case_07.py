import requests
from flask import Flask, request, abort

app = Flask(__name__)
FEEDS = {"news": "https://news.example.com/rss", "blog": "https://blog.example.com/rss"}


@app.route("/preview")
def preview():
    url = FEEDS.get(request.args.get("feed", ""))
    if url is None:
        abort(404)
    resp = requests.get(url, timeout=5)
    return {"status": resp.status_code, "length": len(resp.content)}
