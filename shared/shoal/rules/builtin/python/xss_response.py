import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from django.http import HttpResponse
from django.utils.safestring import mark_safe
from flask import Flask, make_response, render_template, request
from markupsafe import escape

app = Flask(__name__)


def greeting(name):
    return "<h1>Hello " + name + "</h1>"


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: xss/python-tainted-response
    make_response(f"<p>{name}</p>")
    # ruleid: xss/python-tainted-response
    page = make_response(greeting(name))
    # ok: xss/python-tainted-response
    make_response(greeting(escape(name)))
    # ok: xss/python-tainted-response
    make_response("<p>" + html.escape(name) + "</p>")
    # ok: xss/python-tainted-response
    make_response("<p>static</p>")
    # ok: xss/python-tainted-response
    render_template("hello.html", name=name)
    # ok: xss/python-tainted-response
    make_response(render_template("hello.html", name=name))
    return page


def django_view(request):
    comment = request.GET["comment"]
    chunks = ["<ul>"]
    chunks.append("<li>" + comment + "</li>")
    # ruleid: xss/python-tainted-response
    HttpResponse("".join(chunks))
    # ruleid: xss/python-tainted-response
    label = mark_safe("<b>%s</b>" % comment)
    # ok: xss/python-tainted-response
    HttpResponse(len(comment))
    # ok: xss/python-tainted-response
    HttpResponse(comment, content_type="text/plain; charset=utf-8")
    # ruleid: xss/python-tainted-response
    HttpResponse(comment, content_type="text/html")
    return label


@app.route("/search")
def search():
    term = request.args.get("q", "")
    if not term:
        # ok: xss/python-tainted-response
        return {"results": [], "query": term}
    if term == "help":
        # ok: xss/python-tainted-response
        return "<p>Results for " + html.escape(term) + "</p>"
    page = f"<html><title>{term}</title></html>"
    if len(term) > 100:
        # ruleid: xss/python-tainted-response
        return page, 200, {"Content-Type": "text/html"}
    # ruleid: xss/python-tainted-response
    return "<p>Results for " + term + "</p>"


api = FastAPI()


@api.get("/profile/{username}", response_class=HTMLResponse)
def profile(username: str):
    # ruleid: xss/python-tainted-response
    return "<div class='user'>%s</div>" % username


@api.get("/api/profile/{username}")
def profile_json(username: str):
    # ok: xss/python-tainted-response
    return "user %s" % username


@api.get("/whoami")
def whoami(agent: str = ""):
    # ruleid: xss/python-tainted-response
    return HTMLResponse(content=f"<p>Your browser: {agent}</p>")


@app.route("/greeting", methods=["POST"])
def greeting():
    name = request.form.get("name", "")
    page = ""
    page += f"<h1>Hello {name}</h1>"
    # ruleid: xss/python-tainted-response
    return page


@app.route("/greeting-escaped", methods=["POST"])
def greeting_escaped():
    name = request.form.get("name", "")
    page = ""
    page += f"<h1>Hello {html.escape(name)}</h1>"
    # ok: xss/python-tainted-response
    return page


@app.route("/tagged")
def tagged():
    tag = request.args.get("tag", "")
    # ok: xss/python-tainted-response
    plain = make_response(("Your tag is in a header.", {"X-Tag": tag}))
    # ruleid: xss/python-tainted-response
    shown = make_response((f"<b>{tag}</b>", 200))
    return plain, shown
