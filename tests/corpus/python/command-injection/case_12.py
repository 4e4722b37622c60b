import os
from fastapi import FastAPI

app = FastAPI()


def build_command(name: str) -> str:
    return "convert uploads/{} -resize 200x200 thumbs/{}".format(name, name)


@app.get("/thumb/{name}")
def thumb(name: str):
    os.popen(build_command(name)).read()
    return {"thumb": f"thumbs/{name}"}
