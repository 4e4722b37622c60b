import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, request

app = Flask(__name__)


@app.route("/directory")
def directory():
    user = request.args.get("user", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    flt = "(uid=" + escape_filter_chars(user) + ")"
    results = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, flt)
    return {"entries": [dn for dn, _ in results]}
