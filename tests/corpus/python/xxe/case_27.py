import xml.sax
from fastapi import FastAPI, Request

app = FastAPI()


class CountHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


@app.post("/count")
async def count(request: Request):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    handler = CountHandler()
    parser.setContentHandler(handler)
    parser.feed(await request.body())
    return {"elements": handler.count}
