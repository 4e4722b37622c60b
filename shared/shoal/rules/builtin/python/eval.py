import ast

from flask import Flask, request

app = Flask(__name__)
OPERATIONS = {"double": "x * 2", "square": "x * x"}


def evaluate(expression):
    # ruleid: code-injection/python-eval
    return eval(expression)


@app.route("/calc")
def calc():
    expression = request.args.get("expr")
    # ruleid: code-injection/python-eval
    result = eval(expression)
    program = "print(" + expression + ")"
    # ruleid: code-injection/python-eval
    exec(program)
    evaluate("1 + " + expression)
    # ok: code-injection/python-eval
    value = ast.literal_eval(expression)
    # ok: code-injection/python-eval
    eval("1 + 2")
    operation = request.args.get("op")
    if operation in OPERATIONS:
        # ok: code-injection/python-eval
        eval(operation)
    # ok: code-injection/python-eval
    eval(OPERATIONS["double"], {"x": value})
    return str(result)


def plugin(source_text):
    # A parameter, not a source: the match is a note.
    # ok: code-injection/python-eval
    exec(source_text)
