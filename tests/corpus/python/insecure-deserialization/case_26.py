import json
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore")
def restore():
    state = json.loads(request.cookies.get("state", "[]"))
    return {"items": len(state)}
