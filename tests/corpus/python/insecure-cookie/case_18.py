from django.http import HttpResponse
from django.core import signing


def login_done(request):
    token = signing.dumps({"user": request.user.pk})
    response = HttpResponse("welcome")
    response.set_cookie("auth", token, httponly=True, secure=True, samesite="Lax")
    return response
