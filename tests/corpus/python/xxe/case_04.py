from xml.etree.ElementTree import XMLParser, fromstring
from flask import Flask, request

app = Flask(__name__)


@app.post("/feeds")
def feeds():
    root = fromstring(request.stream.read(), parser=XMLParser())
    return {"entries": len(root.findall("entry"))}
