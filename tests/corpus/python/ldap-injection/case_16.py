import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/bind")
def bind():
    user = request.args.get("user", "")
    dn = "uid=" + user + ",ou=people,dc=example,dc=com"
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s(dn, request.args.get("pw", ""))
    return "bound"
