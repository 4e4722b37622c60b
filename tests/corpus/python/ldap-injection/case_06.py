from ldap3 import Server, Connection, SUBTREE
from ldap3.utils.conv import escape_filter_chars
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Search(BaseModel):
    department: str
    title: str


@app.post("/people")
def people(body: Search):
    dept, title = escape_filter_chars(body.department), escape_filter_chars(body.title)
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=people,dc=corp", f"(&(department={dept})(title={title}))", SUBTREE, attributes=["cn"])
    return {"people": [str(e.cn) for e in conn.entries]}
