import numpy as np
from django.http import JsonResponse
from django.urls import path


def activation_code(request):
    digits = np.random.randint(0, 10, size=8)
    code = "".join(str(d) for d in digits)
    return JsonResponse({"activation": code, "user": request.user.username})


urlpatterns = [
    path("activation-code/", activation_code, name="activation_code"),
]
