from werkzeug.utils import secure_filename
from flask import Flask, request

app = Flask(__name__)


@app.post("/avatar")
def avatar():
    upload = request.files["image"]
    name = secure_filename(upload.filename)
    upload.save("/srv/avatars/" + name)
    return {"stored": name}
