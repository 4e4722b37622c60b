from django.contrib.auth import authenticate
from fastapi import FastAPI, Request
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
    # ruleid: trust-boundary/python-session-from-request
    session["is_admin"] = request.form.get("is_admin") == "1"
    # ruleid: trust-boundary/python-session-from-request
    session["profile"]["display_name"] = request.form.get("display_name")
    return "ok"


def django_prefs(request):
    # ruleid: trust-boundary/python-session-from-request
    request.session["cart"] = request.POST.get("cart")

    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    # ok: trust-boundary/python-session-from-request
    request.session["role"] = user.profile.role


api = FastAPI()


@api.post("/cart/discount")
async def discount(request: Request):
    body = await request.json()
    # ruleid: trust-boundary/python-session-from-request
    request.session["discount_code"] = body["code"]
    # ruleid: trust-boundary/python-session-from-request
    request.session.update({"referrer": body["ref"]})
    return {"applied": True}
