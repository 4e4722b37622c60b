from flask import Flask, request

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    data = request.get_json()
    title = data.get("title", "")
    html = "<html><head><title>" + title + "</title></head><body></body></html>"
    return html, 200, {"Content-Type": "text/html"}
