from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/transform")
async def transform(request: Request):
    payload = await request.json()
    func_src = "def transform(x):\n    return " + payload["expr"]
    scope = {}
    exec(func_src, scope)
    return {"value": scope["transform"](payload.get("x", 0))}
