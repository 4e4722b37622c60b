import secrets
from fastapi import FastAPI, Response

app = FastAPI()


@app.post("/auth")
def auth(response: Response):
    response.set_cookie(key="access_token", value=secrets.token_hex(32), httponly=True)
    return {"authenticated": True}
