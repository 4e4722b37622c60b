from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/cart/count")
async def count(request: Request):
    body = await request.json()
    request.session["items"] = int(body.get("items", 0))
    return {"items": request.session["items"]}
