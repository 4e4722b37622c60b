import random
from fastapi import FastAPI

app = FastAPI()
COLORS = ["#e57373", "#64b5f6", "#81c784", "#ffd54f"]


@app.get("/avatar/{name}")
def avatar(name: str):
    color = random.choice(COLORS)
    return {"initials": name[:2].upper(), "background": color}
