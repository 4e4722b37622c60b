from flask import Flask, request, session, abort

app = Flask(__name__)


@app.route("/page")
def page():
    number = request.args.get("page", "1")
    if not number.isdigit():
        abort(400)
    session["last_page"] = min(int(number), 1000)
    return {"page": session["last_page"]}
