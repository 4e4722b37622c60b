import hashlib
from fastapi import FastAPI

app = FastAPI()


@app.get("/shard/{user_id}")
def shard(user_id: str):
    bucket = int(hashlib.md5(user_id.encode(), usedforsecurity=False).hexdigest(), 16) % 16
    return {"shard": bucket}
