import os
from django.http import HttpResponse


def read_doc(request):
    doc = request.GET.get("doc", "index.txt")
    path = os.path.join("/var/docs", doc)
    with open(path) as handle:
        return HttpResponse(handle.read(), content_type="text/plain")
