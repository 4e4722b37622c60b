import html
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/profile/{username}", response_class=HTMLResponse)
def profile(username: str):
    return "<div class='user'>%s</div>" % html.escape(username)
