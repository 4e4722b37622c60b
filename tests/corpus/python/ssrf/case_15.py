import urllib.request
from django.http import HttpResponse
from django.urls import path


def fetch_feed(request):
    feed = request.GET.get("feed")
    with urllib.request.urlopen(feed) as handle:
        return HttpResponse(handle.read(), content_type="application/xml")


urlpatterns = [
    path("fetch-feed/", fetch_feed, name="fetch_feed"),
]
