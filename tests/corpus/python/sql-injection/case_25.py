import sqlite3
from flask import Flask

app = Flask(__name__)


class Repository:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def by_city(self, city):
        return self.conn.execute("SELECT name FROM shops WHERE city = \"%s\"" % city).fetchall()


@app.route("/shops/<city>")
def shops(city):
    return {"shops": Repository("shops.db").by_city(city)}
