from pathlib import Path
from fastapi import FastAPI
from fastapi.responses import FileResponse

app = FastAPI()
BASE = Path("/srv/static")


@app.get("/files/{name:path}")
def files(name: str):
    return FileResponse(BASE / name)
