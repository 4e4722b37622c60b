from defusedxml.lxml import fromstring
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/svg")
async def svg(file: UploadFile):
    root = fromstring(await file.read())
    return {"width": root.get("width")}
