import defusedxml.ElementTree as DefusedET
from flask import Flask, request

app = Flask(__name__)


@app.post("/invoice")
def invoice():
    doc = DefusedET.fromstring(request.get_data())
    return {"total": doc.findtext("total")}
