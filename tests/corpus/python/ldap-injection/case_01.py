import ldap3
from fastapi import FastAPI

app = FastAPI()
server = ldap3.Server("ldaps://directory.internal")


@app.get("/groups/{group}")
def members(group: str):
    conn = ldap3.Connection(server, auto_bind=True)
    search_filter = "(&(objectClass=groupOfNames)(cn=%s))" % group
    conn.search("ou=groups,dc=corp,dc=local", search_filter, attributes=["member"])
    return {"members": [str(e.member) for e in conn.entries]}
