from fastapi import FastAPI
from fastapi.responses import JSONResponse
import uuid

app = FastAPI()


@app.post("/cart")
def cart():
    resp = JSONResponse({"cart": "created"})
    options = {"max_age": 3600, "samesite": "lax"}
    resp.set_cookie("cart_id", str(uuid.uuid4()), **options)
    return resp
