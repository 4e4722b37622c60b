import ast
from flask import Flask, request

app = Flask(__name__)


@app.post("/widget")
def widget():
    config = ast.literal_eval(request.form.get("config", "{}"))
    if not isinstance(config, dict):
        return {"error": "config must be a mapping"}, 400
    return {"widget": sorted(config)}
