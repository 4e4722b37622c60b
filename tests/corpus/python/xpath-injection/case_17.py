from lxml import etree
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Query(BaseModel):
    author: str


@app.post("/articles")
def articles(body: Query):
    tree = etree.parse("articles.xml")
    evaluator = etree.XPathEvaluator(tree)
    return {"titles": [t.text for t in evaluator(f"//article[author='{body.author}']/title")]}
