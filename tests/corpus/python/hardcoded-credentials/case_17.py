import os
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from flask import Flask

app = Flask(__name__)
engine = create_engine(URL.create("postgresql", username="app", password=os.getenv("DB_PASSWORD"), host="db.internal", database="app"))


@app.route("/health")
def health():
    with engine.connect() as conn:
        return {"db": conn.execute(text("SELECT 1")).scalar()}
