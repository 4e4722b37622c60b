import http.client
from django.http import JsonResponse


def health_of(request):
    host = request.GET["host"]
    conn = http.client.HTTPConnection(host, timeout=5)
    conn.request("GET", "/health")
    return JsonResponse({"status": conn.getresponse().status})
