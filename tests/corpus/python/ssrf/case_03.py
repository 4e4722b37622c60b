import requests
from flask import Flask, request

app = Flask(__name__)
API = "https://api.internal"


@app.route("/users/<path:path>")
def users_proxy(path):
    resp = requests.request("GET", "{}/{}".format(request.args.get("base", API), path), timeout=5)
    return resp.text
