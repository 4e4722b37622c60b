from flask import Flask, make_response

app = Flask(__name__)


@app.post("/logout")
def logout():
    resp = make_response("signed out")
    resp.delete_cookie("session_id", secure=True, httponly=True, samesite="Lax")
    return resp
