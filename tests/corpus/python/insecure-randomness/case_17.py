import random
from django.http import JsonResponse


def send_otp(request):
    phone = request.POST.get("phone", "")
    code = random.randint(100000, 999999)
    request.session["otp"] = code
    return JsonResponse({"sent_to": phone})
