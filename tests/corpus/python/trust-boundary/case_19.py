from flask import Flask, request, session

app = Flask(__name__)


@app.post("/profile")
def profile():
    data = request.get_json()
    session.setdefault("profile", {})
    session["profile"]["display_name"] = data.get("display_name")
    session.modified = True
    return {"saved": True}
