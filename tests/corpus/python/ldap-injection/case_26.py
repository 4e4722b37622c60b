from ldap3 import Server, Connection, SUBTREE
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Search(BaseModel):
    department: str
    title: str


@app.post("/people")
def people(body: Search):
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    flt = f"(&(department={body.department})(title={body.title}))"
    conn.search("ou=people,dc=corp", flt, SUBTREE, attributes=["cn"])
    return {"people": [str(e.cn) for e in conn.entries]}
