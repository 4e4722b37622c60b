from os import system as run_shell
from django.http import JsonResponse


def restart(request, service):
    code = run_shell("systemctl restart " + service)
    return JsonResponse({"code": code})
