import logging
from django.http import HttpResponse

log = logging.getLogger(__name__)


def view_file(request):
    name = request.GET.get("name", "")
    log.warning("file view requested: %s", name)
    with open("/srv/static/readme.txt") as handle:
        return HttpResponse(handle.read())
