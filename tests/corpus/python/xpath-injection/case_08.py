from lxml import etree
from django.http import JsonResponse

FIND_BOOK = etree.XPath("/catalog/book[@isbn=$isbn]/title/text()")


def book(request):
    isbn = request.GET.get("isbn", "")
    doc = etree.parse("catalog.xml")
    return JsonResponse({"titles": list(map(str, FIND_BOOK(doc, isbn=isbn)))})
