from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/export")
def export():
    name = request.args.get("name", "report")
    resp = make_response("name,value\n" + name + ",1\n")
    resp.headers["Content-Type"] = "text/csv"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
