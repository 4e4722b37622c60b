import tarfile
from flask import Flask, request

app = Flask(__name__)


@app.post("/import")
def import_bundle():
    upload = request.files["bundle"]
    upload.save("/tmp/bundle.tar")
    with tarfile.open("/tmp/bundle.tar") as tar:
        tar.extractall("/srv/bundles")
    return "imported"
