import redis
from fastapi import FastAPI
from pydantic_settings import BaseSettings

app = FastAPI()


class Settings(BaseSettings):
    redis_password: str
    redis_host: str = "cache.internal"


settings = Settings()
cache = redis.Redis(host=settings.redis_host, password=settings.redis_password)


@app.get("/hits/{page}")
def hits(page: str):
    return {"hits": cache.incr(f"hits:{page}")}
