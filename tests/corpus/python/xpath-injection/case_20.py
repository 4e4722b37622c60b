from lxml import etree
from flask import Flask, request

app = Flask(__name__)
BY_TITLE = etree.XPath("//book[contains(title, $title)]")


@app.route("/search")
def search():
    title = request.args.get("title", "")
    return {"hits": len(BY_TITLE(etree.parse("catalog.xml"), title=title))}
