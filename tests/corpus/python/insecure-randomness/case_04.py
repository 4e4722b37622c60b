from random import sample
from fastapi import FastAPI

app = FastAPI()
WORDS = ["apple", "river", "stone", "cloud", "maple", "ember", "frost", "lotus", "quartz", "willow"]


@app.post("/recovery-phrase")
def recovery_phrase():
    return {"phrase": " ".join(sample(WORDS, 6))}
