from fastapi import FastAPI, Query
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///reports.db")


@app.get("/reports")
def reports(order: str = Query("created")):
    with engine.connect() as conn:
        result = conn.execute(text("SELECT id, title FROM reports ORDER BY " + order))
        return {"reports": [tuple(r) for r in result]}
