from simpleeval import simple_eval
from flask import Flask, request

app = Flask(__name__)


@app.post("/formula")
def formula():
    body = request.get_json(force=True)
    return {"value": simple_eval(body["expr"], names={"x": body.get("x", 0)})}
