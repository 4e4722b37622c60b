import http.client
from django.http import JsonResponse
from django.urls import path


def health_of(request):
    host = request.GET["host"]
    conn = http.client.HTTPConnection(host, timeout=5)
    conn.request("GET", "/health")
    return JsonResponse({"status": conn.getresponse().status})


urlpatterns = [
    path("health-of/", health_of, name="health_of"),
]
