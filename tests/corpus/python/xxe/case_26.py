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
    reader = xml.sax.make_parser()
    reader.setFeature("http://xml.org/sax/features/external-general-entities", True)
    reader.setContentHandler(handler)
    reader.parse(request.FILES["names"])
    return JsonResponse({"names": handler.names})
