from lxml import etree
from django.http import JsonResponse


def course(request, code):
    tree = etree.parse("courses.xml")
    xpath = "count(//course[@code='{code}']/student)".format(code=code)
    return JsonResponse({"students": int(tree.xpath(xpath))})
