import aiohttp
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
SEARCH = "https://search.example.com/api/v2/query"


class Query(BaseModel):
    terms: str


@app.post("/search")
async def search(query: Query):
    async with aiohttp.ClientSession() as session:
        async with session.get(SEARCH, params={"q": query.terms}) as resp:
            return await resp.json()
