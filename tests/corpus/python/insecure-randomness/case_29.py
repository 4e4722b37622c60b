import random
from fastapi import FastAPI

app = FastAPI()


@app.get("/experiment")
def experiment(user_id: int):
    bucket = random.Random(user_id).random()
    return {"variant": "b" if bucket < 0.5 else "a"}
