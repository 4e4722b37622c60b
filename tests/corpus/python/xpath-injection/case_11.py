from lxml import etree
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/api/settings", methods=["POST"])
def settings():
    payload = request.get_json()
    keys = {"path": payload["path"]}
    doc = etree.parse("settings.xml")
    return jsonify([n.text for n in doc.xpath("/settings/" + keys["path"])])
