import random
from fastapi import FastAPI

app = FastAPI()
QUESTIONS = ["q1", "q2", "q3", "q4", "q5", "q6"]


@app.get("/quiz")
def quiz():
    order = QUESTIONS[:]
    random.shuffle(order)
    return {"questions": order}
