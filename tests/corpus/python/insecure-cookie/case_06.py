import secrets
from starlette.responses import RedirectResponse
from fastapi import FastAPI

app = FastAPI()


@app.get("/oauth/callback")
def callback(code: str):
    resp = RedirectResponse("/")
    resp.set_cookie("oauth_session", secrets.token_urlsafe(24), secure=True, httponly=False)
    return resp
