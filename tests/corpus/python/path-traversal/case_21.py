from flask import Flask, request, abort

app = Flask(__name__)
TEMPLATES = {"about": "templates/about.html", "faq": "templates/faq.html"}


@app.route("/page")
def page():
    path = TEMPLATES.get(request.args.get("name", ""))
    if path is None:
        abort(404)
    with open(path, encoding="utf-8") as handle:
        return handle.read()
