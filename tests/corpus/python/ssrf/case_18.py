import requests
from flask import Flask, request

app = Flask(__name__)
ENABLE_REMOTE_FETCH = False


@app.route("/import")
def import_csv():
    source = request.args.get("source", "")
    if ENABLE_REMOTE_FETCH:
        return {"bytes": len(requests.get(source, timeout=10).content)}
    return {"bytes": 0, "source": source}
