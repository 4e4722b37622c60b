import bcrypt
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Credentials(BaseModel):
    username: str
    password: str


@app.post("/users")
def create_user(body: Credentials):
    hashed = bcrypt.hashpw(body.password.encode("utf-8"), bcrypt.gensalt())
    return {"user": body.username, "password_hash": hashed.decode()}
