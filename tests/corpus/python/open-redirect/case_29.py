from urllib.parse import urlparse
from fastapi import FastAPI, Header
from starlette.responses import RedirectResponse

app = FastAPI()
TRUSTED_HOSTS = {"app.example.com", "www.example.com"}


@app.get("/sso/callback")
def callback(x_original_url: str = Header("/")):
    host = urlparse(x_original_url).hostname
    target = x_original_url if host in TRUSTED_HOSTS else "/"
    return RedirectResponse(url=target, status_code=303)
