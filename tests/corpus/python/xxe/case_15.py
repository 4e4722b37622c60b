from lxml import etree
from flask import Flask, request

app = Flask(__name__)


@app.post("/invoice")
def invoice():
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.get_data(), parser)
    return {"total": doc.findtext("total")}
