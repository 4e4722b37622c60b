import os
from django.http import HttpResponse, Http404

BASE = os.path.realpath("/var/docs")


def read_doc(request):
    doc = request.GET.get("doc", "index.txt")
    path = os.path.realpath(os.path.join(BASE, doc))
    if os.path.commonpath([BASE, path]) != BASE:
        raise Http404("no such document")
    with open(path) as handle:
        return HttpResponse(handle.read(), content_type="text/plain")
