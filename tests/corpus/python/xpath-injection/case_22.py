from lxml import etree
from flask import Flask, request

app = Flask(__name__)


@app.route("/records")
def records():
    owner = request.cookies.get("owner", "")
    doc = etree.parse("records.xml")
    hits = [r for r in doc.xpath("//record") if r.findtext("owner") == owner]
    return {"count": len(hits)}
