from django.shortcuts import redirect
import secrets


def impersonate(request, user_id):
    response = redirect("/")
    response.set_cookie("impersonation", f"{user_id}:{secrets.token_hex(8)}", secure=True, httponly=True, samesite="Strict")
    return response
