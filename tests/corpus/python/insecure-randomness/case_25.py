import uuid
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Share(BaseModel):
    document_id: int


@app.post("/share")
def share(body: Share):
    return {"url": f"/d/{body.document_id}/{uuid.uuid4().hex}"}
