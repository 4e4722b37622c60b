import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)


def user_filter(name):
    return "(&(objectClass=person)(uid=" + name + "))"


@app.route("/users")
def users():
    conn = ldap.initialize("ldap://directory")
    name = request.args.get("uid")
    # ruleid: ldap-injection/python-tainted-filter
    conn.search_s("ou=people,dc=example", ldap.SCOPE_SUBTREE, user_filter(name))
    # ok: ldap-injection/python-tainted-filter
    conn.search_s("ou=people,dc=example", ldap.SCOPE_SUBTREE, user_filter(escape_filter_chars(name)))
    # ok: ldap-injection/python-tainted-filter
    conn.search_s("ou=people,dc=example", ldap.SCOPE_SUBTREE, "(objectClass=person)")
    # ok: ldap-injection/python-tainted-filter
    return conn.search_s(name, ldap.SCOPE_SUBTREE, "(objectClass=person)")
