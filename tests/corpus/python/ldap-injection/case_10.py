import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/directory")
def directory():
    user = request.args.get("user", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    results = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + user + ")")
    return {"entries": [dn for dn, _ in results]}
