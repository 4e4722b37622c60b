import sqlite3 as db
from flask import Flask, request

app = Flask(__name__)


def find_user(conn, email):
    sql = "SELECT id FROM accounts WHERE email = '{}'".format(email)
    return conn.execute(sql).fetchone()


@app.post("/login")
def login():
    conn = db.connect("accounts.db")
    return {"id": find_user(conn, request.form["email"])}
