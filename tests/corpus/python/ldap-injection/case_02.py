import logging
import ldap
from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/directory/size")
def size():
    log.info("directory size asked by %s", request.headers.get("X-User", "anonymous"))
    conn = ldap.initialize("ldap://ldap.example.com")
    return {"size": len(conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_ONELEVEL, "(objectClass=person)"))}
