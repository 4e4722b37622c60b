import json
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/transform")
async def transform(request: Request):
    document = json.loads(await request.body())
    return {"root": next(iter(document), None)}
