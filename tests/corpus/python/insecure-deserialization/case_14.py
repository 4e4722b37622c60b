from django.core import signing
from django.http import JsonResponse


def preferences(request):
    token = request.COOKIES.get("prefs", "")
    try:
        prefs = signing.loads(token, salt="prefs", max_age=86400)
    except signing.BadSignature:
        prefs = {}
    return JsonResponse(prefs)
