import subprocess as sp
from django.http import HttpResponse
from django.urls import path


def lookup(request):
    domain = request.GET.get("domain")
    result = sp.run("nslookup %s" % domain, shell=True, capture_output=True, text=True)
    return HttpResponse(result.stdout, content_type="text/plain")


urlpatterns = [
    path("lookup/", lookup, name="lookup"),
]
