from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "1+1")
    return {"result": eval(expression)}


if __name__ == "__main__":
    app.run(port=8000)
