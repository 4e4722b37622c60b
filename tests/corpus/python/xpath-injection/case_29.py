from lxml import etree
from flask import Flask, request, jsonify

app = Flask(__name__)
PATHS = {"theme": "/settings/ui/theme", "lang": "/settings/ui/language"}


@app.route("/api/settings", methods=["POST"])
def settings():
    key = request.get_json().get("key", "theme")
    doc = etree.parse("settings.xml")
    return jsonify([n.text for n in doc.xpath(PATHS.get(key, PATHS["theme"]))])
