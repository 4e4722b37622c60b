import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/workflow")
def workflow():
    doc = request.get_data(as_text=True)
    steps = yaml.load(doc, Loader=yaml.UnsafeLoader)
    return {"steps": len(steps)}
