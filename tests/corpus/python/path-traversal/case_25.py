import os.path
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/locale")
def locale(accept_language: str = Header("en")):
    parts = ["/srv/locales", accept_language + ".json"]
    path = os.path.join(*parts)
    with open(path) as handle:
        return {"messages": handle.read()}
