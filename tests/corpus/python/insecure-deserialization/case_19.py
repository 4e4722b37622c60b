import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/workflow")
def workflow():
    steps = list(yaml.safe_load_all(request.get_data(as_text=True)))
    return {"documents": len(steps)}
