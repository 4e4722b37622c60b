from lxml import etree
from flask import Flask

app = Flask(__name__)


@app.route("/orders/<int:order_id>")
def order(order_id):
    doc = etree.parse("orders.xml")
    return {"lines": len(doc.xpath("//order[@id=%d]/line" % order_id))}
