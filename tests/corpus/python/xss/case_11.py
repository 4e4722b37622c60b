import bleach
from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/echo")
def echo(text: str = Query("")):
    cleaned = bleach.clean(text, tags=["b", "i", "em"], strip=True)
    return HTMLResponse("<main>" + cleaned + "</main>")
