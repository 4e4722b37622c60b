from sqlalchemy import select
from sqlalchemy.orm import Session
from flask import Flask, request
from models import engine, Account

app = Flask(__name__)


@app.post("/login")
def login():
    with Session(engine) as session:
        stmt = select(Account).where(Account.email == request.form["email"])
        account = session.scalars(stmt).first()
        return {"id": account.id if account else None}
