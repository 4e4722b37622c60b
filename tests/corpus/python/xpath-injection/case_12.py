import xml.etree.ElementTree as ElementTree
from django.http import JsonResponse
from django.urls import path


def employees(request):
    dept = request.GET.get("dept", "")
    root = ElementTree.parse("staff.xml").getroot()
    found = root.findall(".//employee[@dept='" + dept + "']")
    return JsonResponse({"names": [e.get("name") for e in found]})


urlpatterns = [
    path("employees/", employees, name="employees"),
]
