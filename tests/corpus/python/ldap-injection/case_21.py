from ldap3 import Server, Connection
from fastapi import FastAPI, HTTPException

app = FastAPI()
DEPARTMENTS = {"sales", "engineering", "support"}


@app.get("/departments/{department}")
def department(department: str):
    if department not in DEPARTMENTS:
        raise HTTPException(status_code=404)
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=people,dc=corp", f"(department={department})", attributes=["cn"])
    return {"people": [str(e.cn) for e in conn.entries]}
