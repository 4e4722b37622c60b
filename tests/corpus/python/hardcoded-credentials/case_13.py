import ldap
from flask import Flask

app = Flask(__name__)


def directory():
    conn = ldap.initialize("ldaps://ldap.example.com")
    conn.simple_bind_s("cn=service,dc=example,dc=com", "Bind#Service#77")
    return conn


@app.route("/people/count")
def people_count():
    return {"count": len(directory().search_s("ou=people,dc=example,dc=com", ldap.SCOPE_ONELEVEL))}
