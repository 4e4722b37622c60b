from lxml import etree
from flask import Flask, request

app = Flask(__name__)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.route("/orders", methods=["POST"])
def orders():
    order = etree.fromstring(request.files["order"].read(), parser=PARSER)
    return {"lines": len(order)}
