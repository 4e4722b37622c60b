from fastapi import FastAPI, Header
import sqlite3

app = FastAPI()
TENANTS = {"acme": "tenant_acme", "globex": "tenant_globex"}


@app.get("/tenant")
def tenant(x_tenant: str = Header(...)):
    table = TENANTS.get(x_tenant)
    if table is None:
        return {"rows": []}
    db = sqlite3.connect("tenants.db")
    return {"rows": db.execute("SELECT * FROM " + table).fetchall()}
