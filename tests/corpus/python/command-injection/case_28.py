import shlex
from fastapi import FastAPI
from pydantic import BaseModel
import subprocess

app = FastAPI()


class Convert(BaseModel):
    source: str
    target: str


@app.post("/convert")
def convert(body: Convert):
    line = "pandoc {} -o {}".format(shlex.quote(body.source), shlex.quote(body.target))
    subprocess.run(line, shell=True, check=True)
    return {"written": body.target}
