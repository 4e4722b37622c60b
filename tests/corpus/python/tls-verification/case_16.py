import requests
from django.http import JsonResponse

session = requests.Session()
session.verify = "/etc/ssl/certs/accounts-ca.pem"


def profile(request):
    resp = session.get("https://accounts.internal/users/%d" % request.user.pk, timeout=5)
    return JsonResponse(resp.json())
