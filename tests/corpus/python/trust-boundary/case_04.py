from flask import Flask, request, session

app = Flask(__name__)
THEMES = {"light", "dark", "contrast"}


@app.route("/prefs")
def prefs():
    theme = request.args.get("theme", "light")
    session["theme"] = theme if theme in THEMES else "light"
    return {"theme": session["theme"]}
