from pathlib import Path
from django.http import HttpResponse

LOGS = {"app": Path("/var/log/app/app.log"), "worker": Path("/var/log/app/worker.log")}


def log_tail(request):
    path = LOGS.get(request.GET.get("log", "app"), LOGS["app"])
    lines = path.read_text().splitlines()
    return HttpResponse("\n".join(lines[-50:]), content_type="text/plain")
