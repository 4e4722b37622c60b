from urllib.parse import urljoin
import requests
from django.http import JsonResponse
from django.urls import path


def remote_config(request):
    base = request.headers.get("X-Config-Server", "https://config.example.com")
    url = urljoin(base, "/v1/config")
    return JsonResponse(requests.get(url, timeout=5).json())


urlpatterns = [
    path("remote-config/", remote_config, name="remote_config"),
]
