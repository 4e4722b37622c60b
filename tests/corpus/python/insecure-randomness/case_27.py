import random
import hashlib
from fastapi import FastAPI

app = FastAPI()


def make_csrf_token():
    seed = str(random.random()).encode()
    return hashlib.sha256(seed).hexdigest()


@app.get("/form")
def form():
    return {"csrf_token": make_csrf_token()}
