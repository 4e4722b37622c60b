import ssl
import urllib.request
from django.http import HttpResponse
from django.urls import path


def status(request):
    context = ssl._create_unverified_context()
    with urllib.request.urlopen("https://status.internal/health", context=context) as resp:
        return HttpResponse(resp.read())


urlpatterns = [
    path("status/", status, name="status"),
]
