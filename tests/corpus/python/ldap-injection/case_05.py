from ldap3 import Server, Connection
from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/api/users/search", methods=["POST"])
def search_users():
    criteria = request.get_json()
    clauses = {"uid": criteria.get("uid", "*")}
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("dc=example,dc=org", "(uid=" + clauses["uid"] + ")", attributes=["cn", "mail"])
    return jsonify([e.entry_to_json() for e in conn.entries])
