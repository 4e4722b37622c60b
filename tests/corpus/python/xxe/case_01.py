import logging
from lxml import etree
from django.http import HttpResponse

log = logging.getLogger(__name__)
SCHEMA = etree.XMLSchema(etree.parse("schemas/report.xsd"))


def report(request):
    text = request.POST.get("report", "")
    log.info("report of %d characters received", len(text))
    return HttpResponse("schema loaded: %s" % bool(SCHEMA))
