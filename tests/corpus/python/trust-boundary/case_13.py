from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = __import__("os").environ["SECRET_KEY"]


@app.route("/prefs")
def prefs():
    session["theme"] = request.args.get("theme", "light")
    return {"theme": session["theme"]}
