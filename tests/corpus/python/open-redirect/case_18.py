from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.post("/checkout/complete")
async def complete(request: Request):
    data = await request.json()
    return RedirectResponse(f"{data['shop_url']}/thanks", status_code=302)
