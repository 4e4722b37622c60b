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
        smtp.login("notifications@example.com", "Mail!Pass#2023")
        smtp.sendmail("notifications@example.com", [msg.to], msg.body)
    return {"sent": True}
