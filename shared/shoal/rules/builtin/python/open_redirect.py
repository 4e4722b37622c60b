from django.http import HttpResponseRedirect
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
PAGES = {"home": "/", "account": "/account"}


@app.route("/login")
def login():
    after = request.args.get("next", "/")
    # ruleid: open-redirect/python-tainted-redirect
    redirect(after)
    # ok: open-redirect/python-tainted-redirect
    redirect(url_for("home", next=after))
    page = request.args.get("page")
    if page in PAGES:
        # ok: open-redirect/python-tainted-redirect
        return redirect(page)
    # ok: open-redirect/python-tainted-redirect
    return redirect(PAGES["home"])


def django_login(request):
    target = request.POST.get("next")
    # ruleid: open-redirect/python-tainted-redirect
    return HttpResponseRedirect(target)
