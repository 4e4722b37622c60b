import base64
import pickle
from flask import Flask, request

app = Flask(__name__)


@app.route("/widget", methods=["POST"])
def widget():
    fields = {"config": request.form["config"]}
    unpickler = pickle.Unpickler(io_stream(fields["config"]))
    return {"widget": str(unpickler.load())}


def io_stream(text):
    import io
    return io.BytesIO(base64.urlsafe_b64decode(text))
