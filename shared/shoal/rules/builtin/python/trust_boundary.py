from flask import Flask, request, session

app = Flask(__name__)
THEMES = ("light", "dark")


@app.route("/prefs", methods=["POST"])
def prefs():
    role = request.form["role"]
    # ruleid: trust-boundary/python-session-from-request
    session["role"] = role
    theme = request.form["theme"]
    if theme in THEMES:
        # ok: trust-boundary/python-session-from-request
        session["theme"] = theme
    # ok: trust-boundary/python-session-from-request
    session["visits"] = int(request.form["visits"])
    # ok: trust-boundary/python-session-from-request
    session["seen"] = True
    return "ok"


def django_prefs(request):
    # ruleid: trust-boundary/python-session-from-request
    request.session["cart"] = request.POST.get("cart")
