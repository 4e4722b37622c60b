from lxml import etree
from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/transform")
def transform(document: str = Form(...)):
    parser = etree.XMLParser(resolve_entities=True)
    tree = etree.XML(document.encode(), parser)
    return {"root": tree.tag}
