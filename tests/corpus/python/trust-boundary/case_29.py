from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/cart/discount")
async def discount(request: Request):
    body = await request.json()
    request.session["discount_code"] = body["code"]
    return {"applied": True}
