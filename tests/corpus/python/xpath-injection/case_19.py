from fastapi import FastAPI
from lxml import etree

app = FastAPI()
doc = etree.parse("products.xml")


@app.get("/products/{category}")
def products(category: str):
    query = "//product[@category='%s']/@sku" % category
    return {"skus": [str(s) for s in doc.xpath(query)]}
