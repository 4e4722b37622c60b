from os import system as run_shell
from django.http import JsonResponse
from django.urls import path


def restart(request, service):
    code = run_shell("systemctl restart " + service)
    return JsonResponse({"code": code})


urlpatterns = [
    path("restart/<service>/", restart, name="restart"),
]
