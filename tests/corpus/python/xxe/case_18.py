import xml.dom.minidom
import xml.sax
from flask import Flask, request

app = Flask(__name__)


@app.post("/config")
def config():
    sax_parser = xml.sax.make_parser()
    sax_parser.setFeature(xml.sax.handler.feature_external_ges, 1)
    dom = xml.dom.minidom.parseString(request.get_data(), parser=sax_parser)
    return {"settings": len(dom.getElementsByTagName("setting"))}
