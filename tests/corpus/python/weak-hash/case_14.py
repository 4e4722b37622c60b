import hashlib
from flask import Flask, request

app = Flask(__name__)


@app.route("/avatar")
def avatar():
    email = request.args.get("email", "").strip().lower()
    digest = hashlib.sha256(email.encode()).hexdigest()
    return {"gravatar": f"https://www.gravatar.com/avatar/{digest}"}
