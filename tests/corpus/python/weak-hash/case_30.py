import hashlib as h
from fastapi import FastAPI, Header

app = FastAPI()
API_KEYS = {"3f2a...": "billing"}


@app.get("/whoami")
def whoami(x_api_key: str = Header(...)):
    hashed = h.sha1(x_api_key.encode()).hexdigest()
    return {"client": API_KEYS.get(hashed)}
