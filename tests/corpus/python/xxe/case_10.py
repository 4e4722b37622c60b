import xml.etree.ElementTree as ET
from django.http import HttpResponse
from django.urls import path


def titles(request):
    root = ET.fromstring(request.body)
    return HttpResponse(", ".join(t.text or "" for t in root.iter("title")))


urlpatterns = [
    path("titles/", titles, name="titles"),
]
