from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    return "<p>Results for " + str(escape(term)) + "</p>"
