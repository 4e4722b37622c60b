import os
from flask import Flask, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/visit")
def visit():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
