import requests
from flask import Flask, request

app = Flask(__name__)
session = requests.Session()


def download(url):
    return session.get(url, timeout=10).content


@app.route("/import")
def import_csv():
    source = request.cookies.get("import_source", "")
    return {"bytes": len(download(source))}
