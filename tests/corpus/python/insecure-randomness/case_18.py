import os
import base64
from flask import Flask

app = Flask(__name__)


@app.post("/api-keys")
def new_api_key():
    return {"api_key": base64.b32encode(os.urandom(25)).decode().rstrip("=")}
