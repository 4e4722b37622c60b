import hashlib
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/dedupe")
async def dedupe(file: UploadFile):
    content = await file.read()
    return {"checksum": hashlib.sha1(content, usedforsecurity=False).hexdigest()}
