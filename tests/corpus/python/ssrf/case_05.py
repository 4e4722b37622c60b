from urllib.parse import urlparse
import requests
from django.http import JsonResponse, HttpResponseForbidden

PARTNERS = {"partner-a.example.net", "partner-b.example.net"}


def partner_callback(request):
    url = request.POST.get("url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in PARTNERS:
        return HttpResponseForbidden("unknown partner")
    return JsonResponse({"status": requests.get(url, timeout=5, allow_redirects=False).status_code})
