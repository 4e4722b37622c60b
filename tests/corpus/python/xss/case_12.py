from markupsafe import Markup
from flask import Flask, request, render_template

app = Flask(__name__)


@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return render_template("bio.html", bio=Markup(text))
