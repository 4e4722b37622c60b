from lxml import etree
from flask import Flask, request

app = Flask(__name__)


@app.post("/validate")
def validate():
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    doc = etree.parse(request.files["doc"], parser)
    return {"valid": doc.docinfo.doctype != ""}
