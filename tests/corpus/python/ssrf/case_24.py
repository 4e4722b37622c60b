import aiohttp
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Link(BaseModel):
    href: str


@app.post("/unfurl")
async def unfurl(link: Link):
    async with aiohttp.ClientSession() as session:
        async with session.get(link.href) as resp:
            return {"title": (await resp.text())[:200]}
