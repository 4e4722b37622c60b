from lxml import etree
from django.http import HttpResponse
from django.views import View


class ReportView(View):
    def post(self, request):
        xml_text = request.POST.get("report", "")
        parser = etree.XMLParser(resolve_entities=True, no_network=False)
        etree.set_default_parser(parser)
        root = etree.fromstring(xml_text.encode())
        return HttpResponse(root.findtext("summary") or "")
