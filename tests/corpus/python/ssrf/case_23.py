import requests
from django.http import JsonResponse

SERVICES = {"billing": "http://billing:8000/health", "search": "http://search:9200/_cluster/health"}


def health_of(request):
    name = request.GET.get("service", "billing")
    url = SERVICES.get(name, SERVICES["billing"])
    return JsonResponse({"status": requests.get(url, timeout=2).status_code})
