from sqlalchemy import create_engine, text
from flask import Flask

app = Flask(__name__)
engine = create_engine("postgresql://app:Pr0dDbP4ss!@db.internal:5432/app")


@app.route("/health")
def health():
    with engine.connect() as conn:
        return {"db": conn.execute(text("SELECT 1")).scalar()}
