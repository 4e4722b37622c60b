import random
from django.http import JsonResponse
from django.urls import path


def send_otp(request):
    phone = request.POST.get("phone", "")
    code = random.randint(100000, 999999)
    request.session["otp"] = code
    return JsonResponse({"sent_to": phone})


urlpatterns = [
    path("send-otp/", send_otp, name="send_otp"),
]
