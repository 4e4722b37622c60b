from flask import Flask, request, Response

app = Flask(__name__)


@app.route("/continue")
def continue_to():
    url = request.cookies.get("continue_url", "/")
    resp = Response(status=302)
    resp.headers["Location"] = url
    return resp
