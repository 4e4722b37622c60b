from defusedxml import minidom
from flask import Flask, request

app = Flask(__name__)


@app.post("/config")
def config():
    dom = minidom.parseString(request.get_data())
    return {"settings": len(dom.getElementsByTagName("setting"))}
