from lxml import etree
from django.http import JsonResponse

TEMPLATE = b"<catalog><title>Spring</title></catalog>"


def catalog(request):
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(TEMPLATE, parser)
    return JsonResponse({"title": root.findtext("title"), "requested": request.GET.get("c", "")})
