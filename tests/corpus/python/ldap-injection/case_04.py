import ldap
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")


@app.route("/mail")
def mail():
    domain = request.cookies.get("domain", "example.com")
    msgid = conn.search("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(mail=*@" + domain + ")", ["mail"])
    _, data = conn.result(msgid)
    return {"count": len(data)}
