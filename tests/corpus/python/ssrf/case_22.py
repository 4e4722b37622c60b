import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/proxy")
async def proxy(target: str):
    async with httpx.AsyncClient() as client:
        resp = await client.get(target)
    return {"body": resp.text[:500]}
