from fastapi import FastAPI
from pydantic import BaseModel
import asyncpg

app = FastAPI()


class Lookup(BaseModel):
    sku: str


@app.post("/stock")
async def stock(body: Lookup):
    conn = await asyncpg.connect("postgresql://localhost/inventory")
    row = await conn.fetchrow("SELECT quantity FROM stock WHERE sku = $1", body.sku)
    await conn.close()
    return {"quantity": row["quantity"] if row else 0}
