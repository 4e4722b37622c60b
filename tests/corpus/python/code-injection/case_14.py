import json
from fastapi import FastAPI, Request

app = FastAPI()
TRANSFORMS = {"double": lambda x: x * 2, "square": lambda x: x * x, "negate": lambda x: -x}


@app.post("/transform")
async def transform(request: Request):
    payload = json.loads(await request.body())
    func = TRANSFORMS.get(payload.get("name"), TRANSFORMS["double"])
    return {"value": func(int(payload.get("x", 0)))}
