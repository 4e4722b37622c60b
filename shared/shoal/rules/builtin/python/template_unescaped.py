from django.template import engines
from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/card")
def card():
    name = request.args.get("name", "")
    # ruleid: xss/python-template-unescaped
    render_template_string("<div>{{ name | safe }}</div>", name=name)
    # ruleid: xss/python-template-unescaped
    engines["django"].from_string("<p>{% autoescape off %}{{ email }}{% endautoescape %}</p>")
    # ok: xss/python-template-unescaped
    render_template_string("<div>{{ name }}</div>", name=name)
    # ok: xss/python-template-unescaped
    return render_template_string("<p>{% autoescape true %}{{ name }}{% endautoescape %}</p>", name=name)
