import psycopg2
from flask import Flask, request

app = Flask(__name__)


@app.route("/orders")
def orders():
    conn = psycopg2.connect(host="db.internal", user="shop", password="Sh0pAdm1n!2024", dbname="shop")
    cur = conn.cursor()
    cur.execute("SELECT id FROM orders WHERE customer = %s", (request.args.get("c"),))
    return {"orders": cur.fetchall()}
