import ssl
import websockets
from fastapi import FastAPI

app = FastAPI()


@app.get("/ticker")
async def ticker():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    async with websockets.connect("wss://ticker.internal/stream", ssl=ctx) as ws:
        return {"tick": await ws.recv()}
