from http.cookies import SimpleCookie
from django.http import HttpResponse
import secrets


def legacy_login(request):
    cookie = SimpleCookie()
    cookie["sid"] = secrets.token_hex(16)
    cookie["sid"]["path"] = "/"
    cookie["sid"]["secure"] = True
    cookie["sid"]["httponly"] = True
    response = HttpResponse("logged in")
    response["Set-Cookie"] = cookie["sid"].OutputString()
    return response
