import hmac
import os
import secrets
import smtplib
from smtplib import SMTP as Mailer

import ldap


def send(to, body):
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        # ruleid: credentials/python-hardcoded-login
        smtp.login("notifications@example.com", "Mail!Pass#2023")
        # ok: credentials/python-hardcoded-login
        smtp.login("notifications@example.com", os.environ["SMTP_PASSWORD"])
    relay = Mailer("relay.example.com")
    # ruleid: credentials/python-hardcoded-login
    relay.login(user="relay", password="r3lay-S3cret")
    conn = ldap.initialize("ldaps://ldap.example.com")
    # ruleid: credentials/python-hardcoded-login
    conn.simple_bind_s("cn=service,dc=example,dc=com", "Bind#Service#77")
    # ok: credentials/python-hardcoded-login
    conn.simple_bind_s("cn=service,dc=example,dc=com", os.environ["BIND_PASSWORD"])


def check(password: str) -> bool:
    # ruleid: credentials/python-hardcoded-login
    ok = secrets.compare_digest(password.encode(), b"metrics-viewer-9931")
    # ok: credentials/python-hardcoded-login
    ok = ok and hmac.compare_digest(password.encode(), os.environb[b"METRICS_PASSWORD"])
    # ok: credentials/python-hardcoded-login
    return ok and hmac.compare_digest(user_name(), "admin")


def user_name() -> str:
    return os.environ.get("USER", "")
