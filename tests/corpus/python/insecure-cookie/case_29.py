import secrets
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/welcome", response_class=HTMLResponse)
def welcome():
    resp = HTMLResponse("<p>Welcome back</p>")
    resp.set_cookie("refresh_token", secrets.token_urlsafe(32), secure=True, httponly=True, path="/auth/refresh")
    return resp
