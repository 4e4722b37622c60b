import httpx
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/translate")
def translate(text: str, accept_language: str = Header("en")):
    resp = httpx.post("https://translate.example.com/api", json={"q": text, "target": accept_language[:2]}, timeout=5)
    return resp.json()
