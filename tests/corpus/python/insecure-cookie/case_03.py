from django.shortcuts import redirect
import secrets
from django.urls import path


def impersonate(request, user_id):
    response = redirect("/")
    response.set_cookie("impersonation", f"{user_id}:{secrets.token_hex(8)}", secure=True, httponly=True, samesite="Strict")
    return response


urlpatterns = [
    path("impersonate/<user_id>/", impersonate, name="impersonate"),
]
