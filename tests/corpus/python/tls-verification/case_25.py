import requests
from django.http import JsonResponse


def catalog(request):
    verify = False
    verify = "/etc/ssl/catalog-ca.pem"
    resp = requests.get("https://catalog.internal/items", verify=verify, timeout=5)
    return JsonResponse({"items": resp.json()})
