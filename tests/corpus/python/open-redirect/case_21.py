from flask import Flask, request, redirect

app = Flask(__name__)
ALLOW_EXTERNAL = False


@app.route("/redirect")
def bounce():
    url = "/"
    if ALLOW_EXTERNAL:
        url = request.args.get("url", "/")
    return redirect(url)
