import redis
from fastapi import FastAPI

app = FastAPI()
cache = redis.Redis(host="cache.internal", port=6379, password="R3d1s-Cache-Pa55")


@app.get("/hits/{page}")
def hits(page: str):
    return {"hits": cache.incr(f"hits:{page}")}
