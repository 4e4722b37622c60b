from django.contrib.auth.hashers import make_password
from django.http import JsonResponse
from django.urls import path


def set_pin(request):
    pin = request.POST.get("pin", "")
    return JsonResponse({"pin_hash": make_password(pin, hasher="unsalted_md5")})


urlpatterns = [
    path("set-pin/", set_pin, name="set_pin"),
]
