import pymysql
from flask import Flask, request

app = Flask(__name__)


@app.route("/profile")
def profile():
    user = request.cookies.get("user", "")
    conn = pymysql.connect(host="db", user="web", database="site")
    with conn.cursor() as cur:
        cur.execute("SELECT bio FROM profiles WHERE username = '%s'" % user)
        return {"bio": cur.fetchone()}
