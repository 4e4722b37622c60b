from defusedxml.ElementTree import parse
from flask import Flask, request

app = Flask(__name__)


@app.post("/validate")
def validate():
    doc = parse(request.files["doc"], forbid_dtd=True)
    return {"root": doc.getroot().tag}
