import requests
from django.http import JsonResponse
from django.urls import path


def catalog(request):
    verify = False
    verify = "/etc/ssl/catalog-ca.pem"
    resp = requests.get("https://catalog.internal/items", verify=verify, timeout=5)
    return JsonResponse({"items": resp.json()})


urlpatterns = [
    path("catalog/", catalog, name="catalog"),
]
