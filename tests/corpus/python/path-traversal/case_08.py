import os
from flask import Flask, request

app = Flask(__name__)


@app.post("/delete")
def delete():
    target = request.form["path"]
    os.remove(f"/srv/tmp/{target}")
    return {"deleted": target}
