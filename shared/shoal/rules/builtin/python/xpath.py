from xml.etree import ElementTree

import elementpath
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
    root = ElementTree.parse("menu.xml").getroot()
    # ruleid: xpath-injection/python-tainted-xpath
    root.find("./day[@name='%s']/dish" % name)
    # ok: xpath-injection/python-tainted-xpath
    root.find("./day/dish")
    # ok: xpath-injection/python-tainted-xpath
    "menu".find(name)
    evaluator = etree.XPathEvaluator(TREE)
    # ruleid: xpath-injection/python-tainted-xpath
    evaluator(f"//article[author='{name}']/title")
    # ok: xpath-injection/python-tainted-xpath
    evaluator("//article[author=$who]/title", who=name)
    return found, safe, every


@app.route("/dish")
def dish():
    name = request.args.get("name", "")
    root = ElementTree.parse("menu.xml")
    # ruleid: xpath-injection/python-tainted-xpath
    found = elementpath.select(root, f"//dish[@name='{name}']")
    # ok: xpath-injection/python-tainted-xpath
    every = elementpath.select(root, "//dish")
    # ok: xpath-injection/python-tainted-xpath
    elementpath.select(root, "//dish[@name='%s']" % name.replace("'", "&apos;"))
    # ruleid: xpath-injection/python-tainted-xpath
    elementpath.select(root, "//dish[@name='%s']" % name.replace("<", "&lt;"))
    return found, every
