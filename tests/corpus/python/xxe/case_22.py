from lxml import etree
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/soap")
async def soap(request: Request):
    body = await request.body()
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=True, no_network=False)
    envelope = etree.fromstring(body, parser=parser)
    return {"operation": envelope[0][0].tag}
