import secrets
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/csrf-form", response_class=HTMLResponse)
def csrf_form():
    token = secrets.token_urlsafe(16)
    resp = HTMLResponse(f"<form><input type=hidden name=csrf value={token}></form>")
    resp.set_cookie("refresh_token", secrets.token_urlsafe(32), secure=True)
    return resp
