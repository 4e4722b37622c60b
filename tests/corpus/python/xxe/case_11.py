import defusedxml.sax
import xml.sax
from django.http import JsonResponse


class NameHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.names = []

    def characters(self, content):
        if content.strip():
            self.names.append(content.strip())


def names(request):
    handler = NameHandler()
    defusedxml.sax.parse(request.FILES["names"], handler)
    return JsonResponse({"names": handler.names})
