from flask import Flask

app = Flask(__name__)


@app.route("/compute/<path:expr>")
def compute(expr):
    statement = f"answer = {expr}"
    namespace = {}
    exec(statement, namespace)
    return str(namespace["answer"])
