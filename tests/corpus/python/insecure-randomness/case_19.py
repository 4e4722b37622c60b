from random import choices
from flask import Flask

app = Flask(__name__)
ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


@app.post("/api-keys")
def new_api_key():
    key = "".join(choices(ALPHABET, k=40))
    return {"api_key": key}
