from fastapi import FastAPI, Query
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///reports.db")
ORDER_COLUMNS = {"created": "created_at", "title": "title"}


@app.get("/reports")
def reports(order: str = Query("created")):
    column = ORDER_COLUMNS.get(order, "created_at")
    with engine.connect() as conn:
        result = conn.execute(text("SELECT id, title FROM reports ORDER BY " + column))
        return {"reports": [tuple(r) for r in result]}
