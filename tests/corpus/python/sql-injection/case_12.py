from fastapi import FastAPI
import psycopg2

app = FastAPI()


@app.get("/items/{item_id}")
def item(item_id: str):
    conn = psycopg2.connect("dbname=shop")
    cur = conn.cursor()
    query = "SELECT name, price FROM items WHERE id = %s" % item_id
    cur.execute(query)
    return {"item": cur.fetchone()}
