from ldap3 import Server, Connection, SUBTREE
from fastapi import FastAPI, Cookie

app = FastAPI()


@app.get("/team")
def team(team: str = Cookie("core")):
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    entries = conn.extend.standard.paged_search(
        "ou=teams,dc=corp", "(ou=%s)" % team, SUBTREE, attributes=["cn"], generator=False
    )
    return {"members": len(entries)}
