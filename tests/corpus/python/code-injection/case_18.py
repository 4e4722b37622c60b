from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Formula(BaseModel):
    body: str


@app.post("/formula")
def formula(item: Formula):
    code = compile(item.body, "<formula>", "eval")
    return {"value": eval(code)}
