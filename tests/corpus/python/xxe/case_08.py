import xml.sax
from fastapi import FastAPI, Form

app = FastAPI()


class Collector(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.tags = []

    def startElement(self, name, attrs):
        self.tags.append(name)


@app.post("/tags")
def tags(xml_body: str = Form(...)):
    collector = Collector()
    parser = xml.sax.make_parser()
    parser.setContentHandler(collector)
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.feed(xml_body)
    return {"tags": collector.tags}
