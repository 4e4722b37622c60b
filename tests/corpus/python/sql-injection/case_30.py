import sqlite3
from flask import Flask, request

app = Flask(__name__)
TABLE = "audit_log"


@app.route("/audit")
def audit():
    user = request.args.get("user", "")
    conn = sqlite3.connect("audit.db")
    sql = "SELECT action, at FROM " + TABLE + " WHERE user = :user"
    return {"rows": conn.execute(sql, {"user": user}).fetchall()}
