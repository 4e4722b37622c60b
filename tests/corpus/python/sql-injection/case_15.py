from fastapi import FastAPI
import psycopg2

app = FastAPI()


@app.get("/items/{item_id}")
def item(item_id: int):
    conn = psycopg2.connect("dbname=shop")
    cur = conn.cursor()
    cur.execute("SELECT name, price FROM items WHERE id = %s", (item_id,))
    return {"item": cur.fetchone()}
