from flask import Flask, request

app = Flask(__name__)


@app.route("/version")
def version():
    expression = request.args.get("expr", "")
    expression = "1 + 2"
    return {"value": eval(expression), "asked": request.args.get("expr")}
