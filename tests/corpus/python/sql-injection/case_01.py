import logging
import sqlite3
from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("search")


@app.route("/recent")
def recent():
    term = request.args.get("q", "")
    log.info("SELECT requested for term %s", term)
    conn = sqlite3.connect("app.db")
    rows = conn.execute("SELECT title FROM posts ORDER BY created DESC LIMIT 10").fetchall()
    return {"posts": rows}
