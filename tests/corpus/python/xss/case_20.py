from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/error")
def error():
    message = request.args.get("msg", "unknown error")
    resp = make_response("<div class='error'>{}</div>".format(message))
    resp.headers["Content-Type"] = "text/html"
    return resp
