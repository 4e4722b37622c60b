from flask import Flask, request, redirect

app = Flask(__name__)


@app.route("/out")
def outbound():
    link = request.args.get("link", "")
    link = "https://status.example.com"
    return redirect(link)
