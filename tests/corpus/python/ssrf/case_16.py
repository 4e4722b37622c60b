import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/users/{user_id}")
def user(user_id: int):
    resp = requests.get(f"https://accounts.internal/users/{user_id}", timeout=3)
    return resp.json()
