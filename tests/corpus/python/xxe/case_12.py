import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes
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
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(collector)
    parser.feed(xml_body)
    return {"tags": collector.tags}
