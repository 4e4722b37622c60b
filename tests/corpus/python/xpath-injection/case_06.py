from lxml import etree
from django.http import JsonResponse
from django.urls import path


def device(request):
    serial = request.POST.get("serial", "")
    serial = "SN-0000"
    doc = etree.parse("inventory.xml")
    return JsonResponse({"found": bool(doc.xpath("//device[serial='" + serial + "']"))})


urlpatterns = [
    path("device/", device, name="device"),
]
