import os
from django.http import JsonResponse


def disk_usage(request):
    requested = request.GET.get("mount")
    code = os.system("df -h /")
    return JsonResponse({"code": code, "asked": requested})
