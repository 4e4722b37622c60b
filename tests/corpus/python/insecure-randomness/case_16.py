import random
import string
from flask import Flask, request

app = Flask(__name__)


def generate_password(length=12):
    pool = list(string.ascii_letters + string.digits + "!@#$%")
    random.shuffle(pool)
    return "".join(pool[:length])


@app.post("/accounts")
def accounts():
    return {"user": request.form["user"], "initial_password": generate_password()}
