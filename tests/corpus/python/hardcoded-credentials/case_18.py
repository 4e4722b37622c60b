from flask import Flask, session

app = Flask(__name__)
app.secret_key = "k9#Lm2$vQ8!xZ4@pR7"


@app.route("/visit")
def visit():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
