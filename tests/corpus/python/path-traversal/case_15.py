from pathlib import Path
from django.http import HttpResponse
from django.urls import path


def log_tail(request):
    name = request.GET["log"]
    lines = Path("/var/log/app").joinpath(name).read_text().splitlines()
    return HttpResponse("\n".join(lines[-50:]), content_type="text/plain")


urlpatterns = [
    path("log-tail/", log_tail, name="log_tail"),
]
