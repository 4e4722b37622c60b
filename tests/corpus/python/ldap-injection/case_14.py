import ldap
import ldap.filter
from fastapi import FastAPI

app = FastAPI()


@app.get("/groups/{group}")
def members(group: str):
    conn = ldap.initialize("ldap://ldap.example.com")
    flt = ldap.filter.filter_format("(&(objectClass=groupOfNames)(cn=%s))", [group])
    return {"members": conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, flt)}
