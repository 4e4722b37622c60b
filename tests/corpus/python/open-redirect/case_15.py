from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.post("/checkout/complete")
async def complete(request: Request):
    data = await request.json()
    order_id = int(data["order_id"])
    return RedirectResponse(request.url_for("thanks", order_id=order_id), status_code=302)


@app.get("/thanks/{order_id}", name="thanks")
def thanks(order_id: int):
    return {"order": order_id}
