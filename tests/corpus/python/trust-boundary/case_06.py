from datetime import datetime, timezone
from starlette.requests import Request
from fastapi import FastAPI

app = FastAPI()


@app.post("/checkout/address")
async def address(request: Request):
    form = await request.form()
    request.session["address_saved_at"] = datetime.now(timezone.utc).isoformat()
    return {"address": form.get("address")}
