import ldap as directory
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/me")
def me(x_remote_user: str = Header(...)):
    conn = directory.initialize("ldap://ldap.example.com")
    entries = conn.search_st("dc=example,dc=com", directory.SCOPE_SUBTREE, "(sAMAccountName=%s)" % x_remote_user, timeout=5)
    return {"found": len(entries)}
