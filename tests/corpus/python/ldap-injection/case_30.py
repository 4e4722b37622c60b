import ldap
from ldap.dn import escape_dn_chars
from flask import Flask, request

app = Flask(__name__)


@app.post("/bind")
def bind():
    user = request.form.get("user", "")
    dn = "uid=" + escape_dn_chars(user) + ",ou=people,dc=example,dc=com"
    conn = ldap.initialize("ldaps://ldap.example.com")
    conn.simple_bind_s(dn, request.form.get("password", ""))
    return "bound"
