from starlette.responses import RedirectResponse
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/sso/callback")
def callback(x_original_url: str = Header("/")):
    state = {"redirect": x_original_url}
    return RedirectResponse(url=state["redirect"], status_code=303)
