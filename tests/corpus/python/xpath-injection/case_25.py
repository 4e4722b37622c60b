from lxml import etree
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def device(request):
    serial = request.POST.get("serial", "")
    doc = etree.parse("inventory.xml")
    matches = doc.getroot().xpath("device[serial/text()=\"" + serial + "\"]")
    return JsonResponse({"found": bool(matches)})
