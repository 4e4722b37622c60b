from fastapi import FastAPI, Query
from starlette.responses import HTMLResponse

app = FastAPI()


def page(body: str) -> str:
    return "<!doctype html><main>" + body + "</main>"


@app.get("/echo")
def echo(text: str = Query("")):
    return HTMLResponse(page(text))
