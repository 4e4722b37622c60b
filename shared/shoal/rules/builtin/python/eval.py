import ast


def run(user_input, namespace):
    # ruleid: code-injection/python-eval
    eval(user_input)
    # ruleid: code-injection/python-eval
    exec("result = " + user_input, namespace)
    # ok: code-injection/python-eval
    eval("1 + 2")
    # ok: code-injection/python-eval
    ast.literal_eval(user_input)
    # ok: code-injection/python-eval
    namespace.eval(user_input)
