import sqlite3
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.post("/bulk")
def bulk():
    ids = request.get_json()["ids"]
    id_list = ",".join(str(i) for i in ids)
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.executescript("UPDATE tasks SET done = 1 WHERE id IN (" + id_list + ");")
    return jsonify(updated=len(ids))
