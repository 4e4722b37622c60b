from django.http import HttpResponse
from django.core import signing
from django.urls import path


def login_done(request):
    token = signing.dumps({"user": request.user.pk})
    response = HttpResponse("welcome")
    response.set_cookie("auth", token, httponly=True, secure=False, samesite="Lax")
    return response


urlpatterns = [
    path("login-done/", login_done, name="login_done"),
]
