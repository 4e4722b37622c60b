from flask import Flask, make_response, request

app = Flask(__name__)


def attach_session(resp, value):
    resp.set_cookie("sid", value, samesite="Strict")
    return resp


@app.post("/session")
def new_session():
    return attach_session(make_response("session created"), request.form["token"])
