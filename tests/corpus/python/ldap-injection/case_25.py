import ldap
from flask import Flask, request

app = Flask(__name__)


def authenticate(username, password):
    conn = ldap.initialize("ldap://ldap.example.com")
    query = "(&(uid={})(userPassword={}))".format(username, password)
    return bool(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, query))


@app.post("/login")
def login():
    return {"authenticated": authenticate(request.form["username"], request.form["password"])}
