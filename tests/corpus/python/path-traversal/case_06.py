from fastapi import FastAPI, Query
from fastapi.responses import PlainTextResponse

app = FastAPI()
CONFIGS = ("dev", "staging", "prod")


@app.get("/config", response_class=PlainTextResponse)
def config(env: str = Query("dev")):
    name = env if env in CONFIGS else "dev"
    with open("config/" + name + ".yaml") as handle:
        return handle.read()
