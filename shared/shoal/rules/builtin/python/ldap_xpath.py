import re

import ldap
import ldap3
from fastapi import Cookie
from flask import Flask, request
from ldap.dn import escape_dn_chars
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


PHONE = re.compile(r"^\+?[0-9 ]{4,20}$")
directory = ldap.initialize("ldap://directory")


class Directory:
    def __init__(self):
        self.conn = ldap.initialize("ldap://directory")

    def lookup(self, attr, value):
        # ruleid: ldap-injection/python-tainted-filter
        return self.conn.search_s("dc=example", ldap.SCOPE_SUBTREE, "(%s=%s)" % (attr, value))


@app.route("/people/<int:number>")
def people(number):
    domain = request.cookies.get("domain", "example.com")
    # ruleid: ldap-injection/python-tainted-filter
    directory.search("dc=example", ldap.SCOPE_SUBTREE, "(mail=*@" + domain + ")")
    Directory().lookup("uid", domain)
    # ruleid: ldap-injection/python-tainted-filter
    directory.simple_bind_s("uid=" + domain + ",ou=people", "secret")
    # ok: ldap-injection/python-tainted-filter
    directory.simple_bind_s("uid=" + escape_dn_chars(domain) + ",ou=people", "secret")
    # ok: ldap-injection/python-tainted-filter
    directory.search_s("dc=example", ldap.SCOPE_SUBTREE, "(employeeNumber=%d)" % number)
    phone = request.args.get("phone", "")
    if not PHONE.fullmatch(phone):
        return "phone numbers hold digits and spaces only"
    # ok: ldap-injection/python-tainted-filter
    return directory.search_s("dc=example", ldap.SCOPE_SUBTREE, "(telephoneNumber=" + phone + ")")


@app.get("/team")
def team(team: str = Cookie("core"), year: int = 2024):
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    # ruleid: ldap-injection/python-tainted-filter
    conn.extend.standard.paged_search("ou=teams", "(ou=%s)" % team, ldap3.SUBTREE)
    # ok: ldap-injection/python-tainted-filter
    conn.search("ou=teams", "(year=%d)" % year)


def directory_connection():
    return ldap3.Connection(ldap3.Server("ldap://directory"), auto_bind=True)


@app.route("/members")
def members():
    uid = request.args.get("uid", "")
    conn = directory_connection()
    # ruleid: ldap-injection/python-tainted-filter
    conn.search("ou=people,dc=example", f"(&(objectClass=person)(uid={uid}))", attributes=ldap3.ALL_ATTRIBUTES)
    # ok: ldap-injection/python-tainted-filter
    conn.search("ou=people,dc=example", "(objectClass=person)", attributes=["uid"])
    # ok: ldap-injection/python-tainted-filter
    return re.search(r"^[a-z]+$", uid)
