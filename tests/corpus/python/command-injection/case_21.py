import subprocess
from django.http import HttpResponse
from django.urls import path


def lookup(request):
    domain = request.GET.get("domain", "")
    completed = subprocess.run(["nslookup", "--", domain], capture_output=True, text=True, timeout=5)
    return HttpResponse(completed.stdout, content_type="text/plain")


urlpatterns = [
    path("lookup/", lookup, name="lookup"),
]
