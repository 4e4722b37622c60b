import os
from django.http import HttpResponse
from django.urls import path


def read_doc(request):
    doc = request.GET.get("doc", "index.txt")
    path = os.path.join("/var/docs", doc)
    with open(path) as handle:
        return HttpResponse(handle.read(), content_type="text/plain")


urlpatterns = [
    path("read-doc/", read_doc, name="read_doc"),
]
