import pickle
from fastapi import FastAPI, Cookie
import base64

app = FastAPI()


@app.get("/resume")
def resume(job: str = Cookie("")):
    blobs = [base64.b64decode(job)]
    restored = [pickle.loads(b) for b in blobs]
    return {"jobs": len(restored)}
