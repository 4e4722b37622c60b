from ldap3 import Server, Connection, SUBTREE
from ldap3.utils.conv import escape_filter_chars
from fastapi import FastAPI, Cookie

app = FastAPI()


@app.get("/team")
def team(team: str = Cookie("core")):
    flt = "(ou={})".format(escape_filter_chars(team))
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=teams,dc=corp", flt, SUBTREE, attributes=["cn"])
    return {"members": len(conn.entries)}
