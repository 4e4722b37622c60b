import ssl
import aiohttp
from fastapi import FastAPI

app = FastAPI()
SSL_CONTEXT = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")


@app.get("/prices")
async def prices():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://prices.internal/list", ssl=SSL_CONTEXT) as resp:
            return await resp.json()
