import uuid
from flask import Flask, request, session

app = Flask(__name__)


@app.post("/checkout/start")
def start_checkout():
    session["checkout_id"] = uuid.uuid4().hex
    return {"checkout": session["checkout_id"], "note": request.form.get("note", "")}
