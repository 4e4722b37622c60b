import ldap
from ldap.filter import filter_format
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/me")
def me(x_remote_user: str = Header(...)):
    conn = ldap.initialize("ldap://ldap.example.com")
    flt = filter_format("(sAMAccountName=%s)", (x_remote_user,))
    return {"found": len(conn.search_st("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt, timeout=5))}
