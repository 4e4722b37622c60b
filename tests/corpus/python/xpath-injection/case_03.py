from fastapi import FastAPI, HTTPException
from lxml import etree

app = FastAPI()
doc = etree.parse("products.xml")
CATEGORIES = {"books", "music", "games"}


@app.get("/products/{category}")
def products(category: str):
    if category not in CATEGORIES:
        raise HTTPException(status_code=404)
    return {"skus": [str(s) for s in doc.xpath("//product[@category='%s']/@sku" % category)]}
