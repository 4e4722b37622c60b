import secrets
from django.http import JsonResponse
from django.urls import path


def send_otp(request):
    phone = request.POST.get("phone", "")
    request.session["otp"] = f"{secrets.randbelow(1_000_000):06d}"
    return JsonResponse({"sent_to": phone})


urlpatterns = [
    path("send-otp/", send_otp, name="send_otp"),
]
