from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/track")
def track():
    resp = make_response("tracked")
    resp.set_cookie("user_ref", request.args.get("ref", ""), secure=False, httponly=False)
    return resp
