import ssl
import smtplib
from flask import Flask, request

app = Flask(__name__)


@app.post("/contact")
def contact():
    with smtplib.SMTP("mail.internal", 587) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.sendmail("web@example.com", ["team@example.com"], request.form["message"])
    return {"sent": True}
