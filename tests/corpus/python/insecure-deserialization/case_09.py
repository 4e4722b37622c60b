from itsdangerous import URLSafeSerializer, BadSignature
from flask import Flask, request
import os

app = Flask(__name__)
serializer = URLSafeSerializer(os.environ["SECRET_KEY"], salt="cart")


@app.route("/cart")
def cart():
    try:
        items = serializer.loads(request.headers.get("X-Cart", ""))
    except BadSignature:
        items = []
    return {"count": len(items)}
