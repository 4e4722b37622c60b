from ldap3 import Server, Connection
from flask import Flask, request, jsonify

app = Flask(__name__)
ATTRS = {"mail": "mail", "phone": "telephoneNumber"}


@app.route("/api/attributes")
def attributes():
    attr = ATTRS.get(request.args.get("attr", "mail"), "mail")
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("dc=example,dc=org", "(" + attr + "=*)", attributes=[attr])
    return jsonify(count=len(conn.entries))
