import jinja2
from flask import Flask, request

app = Flask(__name__)


@app.route("/greeting")
def greeting():
    template_text = request.args.get("tpl", "Hi {{ user }}")
    env = jinja2.Environment()
    return env.from_string(template_text).render(user="friend")
