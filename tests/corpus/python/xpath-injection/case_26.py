import lxml.etree as ET
from flask import Flask, request

app = Flask(__name__)


@app.post("/login")
def login():
    user = request.form["user"]
    password = request.form["password"]
    accounts = ET.parse("accounts.xml")
    finder = ET.XPath("//account[user='{}' and pass='{}']".format(user, password))
    return {"authenticated": bool(finder(accounts))}
