import sqlite3
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.post("/bulk")
def bulk():
    ids = [int(i) for i in request.get_json()["ids"]]
    marks = ",".join("?" for _ in ids)
    conn = sqlite3.connect("app.db")
    conn.execute(f"UPDATE tasks SET done = 1 WHERE id IN ({marks})", ids)
    return jsonify(updated=len(ids))
