from django.http import JsonResponse
from django.urls import path


def remember(request):
    response = JsonResponse({"remembered": True})
    response.set_cookie("remember_token", request.session.session_key, max_age=30 * 86400, secure=True)
    return response


urlpatterns = [
    path("remember/", remember, name="remember"),
]
