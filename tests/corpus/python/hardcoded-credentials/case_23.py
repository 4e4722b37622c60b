import httpx
from fastapi import FastAPI

app = FastAPI()
HEADERS = {"Authorization": "Bearer ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8"}


@app.get("/repos")
async def repos():
    async with httpx.AsyncClient(headers=HEADERS) as client:
        resp = await client.get("https://api.github.com/user/repos")
    return resp.json()
