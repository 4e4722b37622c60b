import os
import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/repos")
async def repos():
    headers = {"Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}"}
    async with httpx.AsyncClient(headers=headers) as client:
        resp = await client.get("https://api.github.com/user/repos")
    return resp.json()
