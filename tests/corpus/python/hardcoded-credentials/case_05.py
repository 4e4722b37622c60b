import os
import smtplib
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Message(BaseModel):
    to: str
    body: str


@app.post("/mail")
def mail(msg: Message):
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.sendmail(os.environ["SMTP_USER"], [msg.to], msg.body)
    return {"sent": True}
