from lxml import etree
from flask import Flask, request

app = Flask(__name__)


class Catalog:
    def __init__(self):
        self.tree = etree.parse("catalog.xml")

    def by_title(self, title):
        return self.tree.xpath("//book[contains(title, '" + title + "')]")


@app.route("/search")
def search():
    return {"hits": len(Catalog().by_title(request.args.get("title", "")))}
