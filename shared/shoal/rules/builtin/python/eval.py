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


SETTINGS_SECTION = "formulas"


@app.route("/formula")
def formula():
    import configparser

    given = request.args.get("formula", "")
    store = configparser.ConfigParser()
    store.add_section(SETTINGS_SECTION)
    store.set(SETTINGS_SECTION, "default", "1 + 1")
    store.set(SETTINGS_SECTION, "custom", given)
    # ok: code-injection/python-eval
    first = eval(store.get(SETTINGS_SECTION, "default"))
    # ruleid: code-injection/python-eval
    second = eval(store.get(SETTINGS_SECTION, "custom"))
    choice = ""
    for key in request.args.keys():
        if len(key) > 8:
            choice = key
            break
    # ruleid: code-injection/python-eval
    third = eval(choice)
    # ok: code-injection/python-eval
    fourth = eval("2 * 3" if SETTINGS_SECTION == "formulas" else given)
    return str((first, second, third, fourth))
