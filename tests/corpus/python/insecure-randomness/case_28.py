import secrets
import string
from fastapi import FastAPI

app = FastAPI()
ALPHABET = string.ascii_letters + string.digits


@app.post("/accounts")
def accounts():
    password = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return {"initial_password": password}
