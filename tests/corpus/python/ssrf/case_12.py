import requests
from flask import Flask, request

app = Flask(__name__)


@app.post("/pdf")
def render_pdf():
    options = {"source": request.form["page"]}
    html = requests.get(options["source"], timeout=10).text
    return {"chars": len(html)}
