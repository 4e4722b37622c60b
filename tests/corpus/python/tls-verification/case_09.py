import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/inventory")
async def inventory():
    async with httpx.AsyncClient(verify="/etc/ssl/internal-ca.pem") as client:
        resp = await client.get("https://inventory.internal/api/items")
    return resp.json()
