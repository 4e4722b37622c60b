from cryptography.fernet import Fernet
from fastapi import FastAPI
import os

app = FastAPI()
fernet = Fernet(os.environ["TOKEN_KEY"])


@app.post("/tokens/{user}")
def token(user: str):
    return {"token": fernet.encrypt(user.encode()).decode()}
