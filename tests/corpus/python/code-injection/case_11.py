import jinja2
from flask import Flask, request

app = Flask(__name__)
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=True)


@app.route("/greeting")
def greeting():
    user = request.args.get("user", "friend")
    return env.get_template("greeting.html").render(user=user)
