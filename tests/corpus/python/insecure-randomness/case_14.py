import random
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Share(BaseModel):
    document_id: int


@app.post("/share")
def share(body: Share):
    link_secret = random.Random().getrandbits(64)
    return {"url": f"/d/{body.document_id}/{link_secret:016x}"}
