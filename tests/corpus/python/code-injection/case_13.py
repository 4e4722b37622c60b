import builtins
from flask import Flask, request

app = Flask(__name__)


@app.post("/filter")
def filter_rows():
    condition = request.json.get("where", "True")
    rows = [{"age": 31}, {"age": 17}]
    check = builtins.eval("lambda row: " + condition)
    return {"rows": [r for r in rows if check(r)]}
