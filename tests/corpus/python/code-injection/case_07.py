import code
from flask import Flask, request

app = Flask(__name__)
console = code.InteractiveInterpreter()


@app.post("/console")
def run_console():
    source = request.form.get("source", "")
    console.runsource(source)
    return "executed"
