import lxml.etree as ET
from flask import Flask, request

app = Flask(__name__)
PARSER = ET.XMLParser(resolve_entities=True, no_network=False)


def parse_order(data):
    return ET.fromstring(data, parser=PARSER)


@app.route("/orders", methods=["POST"])
def orders():
    order = parse_order(request.files["order"].read())
    return {"lines": len(order)}
