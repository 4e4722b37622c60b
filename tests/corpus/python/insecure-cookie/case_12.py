from fastapi import FastAPI, Response, Header

app = FastAPI()


@app.get("/device")
def device(response: Response, x_device_id: str = Header(...)):
    response.headers["Set-Cookie"] = f"device_id={x_device_id}; Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax"
    return {"device": x_device_id}


@app.get("/health")
def health():
    return {"status": "up"}
