from lxml import etree
from django.http import JsonResponse
from django.urls import path


def course(request, code):
    tree = etree.parse("courses.xml")
    xpath = "count(//course[@code='{code}']/student)".format(code=code)
    return JsonResponse({"students": int(tree.xpath(xpath))})


urlpatterns = [
    path("course/<code>/", course, name="course"),
]
