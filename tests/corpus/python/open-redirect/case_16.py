from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()
PAGES = {"home": "/", "docs": "/docs", "pricing": "/pricing"}


@app.get("/go")
def go(page: str = "home"):
    return RedirectResponse(PAGES.get(page, "/"))
