from lxml import etree
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/svg")
async def svg(file: UploadFile):
    options = {"resolve_entities": True, "load_dtd": True}
    parser = etree.XMLParser(**options)
    root = etree.fromstring(await file.read(), parser)
    return {"width": root.get("width")}
