from lxml import etree
from flask import Flask, request

app = Flask(__name__)


def lookup(doc, field, value):
    return doc.xpath("//record[%s='%s']" % (field, value))


@app.route("/records")
def records():
    doc = etree.parse("records.xml")
    hits = lookup(doc, "owner", request.cookies.get("owner", ""))
    return {"count": len(hits)}
