import random
import string
from flask import Flask, request

app = Flask(__name__)


@app.post("/password/reset")
def reset():
    email = request.form["email"]
    token = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))
    return {"email": email, "reset_token": token}
