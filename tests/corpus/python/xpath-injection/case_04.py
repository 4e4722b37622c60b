from lxml import etree
from django.http import HttpResponse
from django.views import View


class PriceView(View):
    def get(self, request):
        sku = request.GET.get("sku", "")
        doc = etree.parse("prices.xml")
        evaluator = etree.XPathEvaluator(doc)
        prices = evaluator("//item[@sku=$sku]/price", sku=sku)
        return HttpResponse(prices[0].text if prices else "n/a")
