from django.contrib.auth.hashers import make_password
from django.http import JsonResponse


def set_pin(request):
    pin = request.POST.get("pin", "")
    return JsonResponse({"pin_hash": make_password(pin)})
