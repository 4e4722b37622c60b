from flask import Flask, request, redirect

app = Flask(__name__)


@app.route("/r/<path:dest>")
def short(dest):
    return redirect("//" + dest, code=301)
