import random
import time
from flask import Flask, session

app = Flask(__name__)


@app.route("/login/verify")
def verify():
    random.seed(time.time())
    session["nonce"] = random.randrange(10**12)
    return {"nonce": session["nonce"]}
