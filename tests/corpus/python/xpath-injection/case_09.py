from lxml import etree
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Query(BaseModel):
    author: str


@app.post("/articles")
def articles(body: Query):
    tree = etree.parse("articles.xml")
    titles = tree.xpath("//article[author=$author]/title", author=body.author)
    return {"titles": [t.text for t in titles]}
