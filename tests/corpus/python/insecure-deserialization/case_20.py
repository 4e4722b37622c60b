import msgpack
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/events")
async def events(request: Request):
    batch = msgpack.unpackb(await request.body(), raw=False, strict_map_key=True)
    return {"events": len(batch)}
