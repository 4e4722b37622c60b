import re
from flask import Flask, request, abort

app = Flask(__name__)
NUMBER_EXPR = re.compile(r"^[0-9+\-*/ ().]{1,40}$")


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "0")
    if not NUMBER_EXPR.fullmatch(expression):
        abort(400)
    numbers = [float(n) for n in re.findall(r"[0-9.]+", expression)]
    return {"sum": sum(numbers)}
