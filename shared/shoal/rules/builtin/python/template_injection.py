import jinja2
from django.template import Template as DjangoTemplate
from flask import Flask, render_template_string, request
from flask import render_template_string as render_text

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    page = "<h1>Hello " + name + "</h1>"
    # ruleid: code-injection/python-template-injection
    render_template_string(page)
    # ruleid: code-injection/python-template-injection
    render_text(f"<p>{name}</p>")
    environment = jinja2.Environment(autoescape=True)
    # ruleid: code-injection/python-template-injection
    environment.from_string(request.args["tpl"]).render()
    # ruleid: code-injection/python-template-injection
    DjangoTemplate("<div>" + name + "</div>")
    # ok: code-injection/python-template-injection
    render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: code-injection/python-template-injection
    jinja2.Template("Hi {{ user }}").render(user=name)
    return "ok"
