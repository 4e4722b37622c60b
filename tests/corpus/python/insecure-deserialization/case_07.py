import pickle
from flask import Flask, request

app = Flask(__name__)
DEFAULTS = pickle.dumps({"theme": "light", "page_size": 20})


@app.route("/defaults")
def defaults():
    settings = pickle.loads(DEFAULTS)
    settings["asked_by"] = request.args.get("user", "")
    return settings
