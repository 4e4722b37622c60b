import hashlib
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Credentials(BaseModel):
    username: str
    password: str


@app.post("/users")
def create_user(body: Credentials):
    hasher = hashlib.new("md5")
    hasher.update(body.password.encode("utf-8"))
    return {"user": body.username, "password_hash": hasher.hexdigest()}
