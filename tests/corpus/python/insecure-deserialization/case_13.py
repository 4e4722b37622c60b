import marshal
from flask import Flask, request

app = Flask(__name__)


@app.post("/plugin")
def plugin():
    code = marshal.loads(request.get_data())
    return {"name": code.co_name}
