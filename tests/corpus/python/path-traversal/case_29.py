import os
from flask import Flask, request

app = Flask(__name__)


@app.post("/delete")
def delete():
    target = os.path.basename(request.form["path"])
    os.remove(os.path.join("/srv/tmp", target))
    return {"deleted": target}
