import urllib.request
from django.http import HttpResponse


def fetch_feed(request):
    feed = request.GET.get("feed")
    with urllib.request.urlopen(feed) as handle:
        return HttpResponse(handle.read(), content_type="application/xml")
