from urllib.parse import urlparse

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse as Go
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


def django_logout(request):
    destination = request.GET.get("return_to", "/")
    if not url_has_allowed_host_and_scheme(destination, allowed_hosts={request.get_host()}):
        destination = "/"
    # ok: open-redirect/python-tainted-redirect
    return HttpResponseRedirect(destination)


def django_external(request):
    response = HttpResponse(status=302)
    # ruleid: open-redirect/python-tainted-redirect
    response["Location"] = request.GET.get("to", "")
    # ok: open-redirect/python-tainted-redirect
    response["X-Requested"] = request.GET.get("to", "")
    return response


api = FastAPI()


@api.post("/checkout/complete")
async def complete(request: Request, url: str = ""):
    data = await request.json()
    # ok: open-redirect/python-tainted-redirect
    Go(request.url_for("thanks", order_id=int(data["order_id"])), status_code=302)
    # ruleid: open-redirect/python-tainted-redirect
    return Go(f"{data['shop_url']}/thanks", status_code=302)
