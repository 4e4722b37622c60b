import ssl
import smtplib
from flask import Flask, request

app = Flask(__name__)


@app.post("/contact")
def contact():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with smtplib.SMTP("mail.internal", 587) as smtp:
        smtp.starttls(context=ctx)
        smtp.sendmail("web@example.com", ["team@example.com"], request.form["message"])
    return {"sent": True}
