import os
from django.http import JsonResponse
from django.urls import path


def disk_usage(request):
    requested = request.GET.get("mount")
    code = os.system("df -h /")
    return JsonResponse({"code": code, "asked": requested})


urlpatterns = [
    path("disk-usage/", disk_usage, name="disk_usage"),
]
