import ldap
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/hosts")
def hosts(name: str = Query(...)):
    conn = ldap.initialize("ldap://ldap.example.com")
    base = "ou=hosts,dc=example,dc=com"
    template = "(&(objectClass=device)(cn={0}))"
    return {"hosts": conn.search_s(base, ldap.SCOPE_ONELEVEL, template.format(name))}
