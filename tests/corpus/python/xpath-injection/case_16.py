from lxml import etree
from flask import Flask, request

app = Flask(__name__)
tree = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    nodes = tree.xpath("//user[name=$name]/email/text()", name=name)
    return {"emails": [str(n) for n in nodes]}
