import random
from flask import Flask, session

app = Flask(__name__)
system_random = random.SystemRandom()


@app.route("/login/verify")
def verify():
    session["nonce"] = system_random.randrange(10**12)
    return {"nonce": session["nonce"]}
