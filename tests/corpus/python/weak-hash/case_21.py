import hashlib
import hmac
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/webhook")
async def webhook(request: Request):
    body = await request.body()
    signature = hashlib.md5(b"shared-secret" + body).hexdigest()
    if not hmac.compare_digest(signature, request.headers.get("X-Hub-Signature", "")):
        return {"accepted": False}
    return {"accepted": True}
