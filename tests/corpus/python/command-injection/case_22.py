import os
from fastapi import FastAPI, Query

app = FastAPI()
DEBUG_SHELL = False


@app.get("/exec")
def run(cmd: str = Query("")):
    if DEBUG_SHELL:
        os.system(cmd)
    return {"enabled": DEBUG_SHELL}
