from lxml import etree
from django.http import HttpResponse
from django.views import View


class PriceView(View):
    def get(self, request):
        sku = request.GET["sku"]
        parts = ["//item[@sku='", sku, "']/price"]
        doc = etree.parse("prices.xml")
        prices = doc.xpath("".join(parts))
        return HttpResponse(prices[0].text if prices else "n/a")
