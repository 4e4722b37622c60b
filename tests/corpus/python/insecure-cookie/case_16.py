from fastapi import FastAPI
from fastapi.responses import JSONResponse
import uuid

app = FastAPI()
COOKIE_OPTIONS = {"max_age": 3600, "samesite": "lax", "secure": True, "httponly": True}


@app.post("/cart")
def cart():
    resp = JSONResponse({"cart": "created"})
    resp.set_cookie("cart_id", str(uuid.uuid4()), **COOKIE_OPTIONS)
    return resp
