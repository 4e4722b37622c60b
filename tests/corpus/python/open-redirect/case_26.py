from flask import Flask, request, redirect

app = Flask(__name__)


@app.route("/redirect")
def bounce():
    url = request.args.get("url", "/")
    if "example.com" in url:
        return redirect(url)
    return redirect("/")
