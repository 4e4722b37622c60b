from fastapi import FastAPI, Header
import sqlite3

app = FastAPI()


@app.get("/tenant")
def tenant(x_tenant: str = Header(...)):
    db = sqlite3.connect("tenants.db")
    params = {"table": "tenant_" + x_tenant}
    rows = db.execute("SELECT * FROM " + params["table"]).fetchall()
    return {"rows": rows}
