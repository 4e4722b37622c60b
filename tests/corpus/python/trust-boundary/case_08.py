from starlette.requests import Request
from fastapi import FastAPI

app = FastAPI()


@app.post("/checkout/address")
async def address(request: Request):
    form = await request.form()
    request.session["shipping_address"] = form.get("address")
    return {"next": "/checkout/payment"}
