import requests
from django.http import JsonResponse
from django.urls import path


def avatar_from_url(request):
    host = request.POST.get("host", "")
    image = requests.get("http://" + host + "/avatar.png", timeout=5)
    return JsonResponse({"size": len(image.content)})


urlpatterns = [
    path("avatar-from-url/", avatar_from_url, name="avatar_from_url"),
]
