import jinja2
from flask import Flask, request

app = Flask(__name__)
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)


@app.route("/note")
def note():
    return env.get_template("note.html").render(note=request.args.get("note", ""))
