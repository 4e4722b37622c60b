import requests
from flask import Flask

app = Flask(__name__)


@app.route("/repos/<owner>/<name>")
def repo(owner, name):
    resp = requests.get("https://api.github.com/repos/" + "/".join([requests.utils.quote(owner, ""), requests.utils.quote(name, "")]), timeout=5)
    return resp.json()
