from django.http import JsonResponse
from django.urls import path


def become(request):
    role = request.POST.get("role", "viewer")
    request.session["role"] = role
    return JsonResponse({"role": role})


urlpatterns = [
    path("become/", become, name="become"),
]
