import os
from flask import Flask, request, send_from_directory

app = Flask(__name__)


@app.route("/export")
def export():
    folder = request.args.get("folder", "public")
    return send_from_directory(os.path.join("/srv/exports", folder), "export.csv")
