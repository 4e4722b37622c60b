from lxml import etree
from django.http import JsonResponse
from django.urls import path


def book(request):
    isbn = request.GET.get("isbn", "")
    root = etree.parse("catalog.xml").getroot()
    titles = root.xpath(f"/catalog/book[@isbn='{isbn}']/title/text()")
    return JsonResponse({"titles": list(map(str, titles))})


urlpatterns = [
    path("book/", book, name="book"),
]
