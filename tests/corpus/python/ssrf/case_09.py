import urllib.request
from django.http import HttpResponse
from django.urls import path


def fetch_feed(request):
    requested = request.GET.get("feed", "")
    feed = "https://status.example.com/feed.xml"
    with urllib.request.urlopen(feed) as handle:
        return HttpResponse(handle.read(), content_type="application/xml", headers={"X-Requested": requested[:20]})


urlpatterns = [
    path("fetch-feed/", fetch_feed, name="fetch_feed"),
]
