import ldap
from flask import Flask

app = Flask(__name__)


@app.route("/employees/<int:number>")
def employee(number):
    conn = ldap.initialize("ldap://ldap.example.com")
    flt = "(employeeNumber=%d)" % number
    return {"entries": len(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt))}
