from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args.get("name")
    query = "//user[@name='" + name + "']"
    # ruleid: xpath-injection/python-tainted-xpath
    found = TREE.xpath(query)
    # ok: xpath-injection/python-tainted-xpath
    safe = TREE.xpath("//user[@name=$name]", name=name)
    # ok: xpath-injection/python-tainted-xpath
    every = TREE.xpath("//user")
    return found, safe, every
