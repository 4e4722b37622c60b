import os

import psycopg2
from django.contrib.auth.models import User


def connect():
    # ruleid: credentials/python-hardcoded-password-argument
    conn = psycopg2.connect(host="db", user="app", password="s3cr3t-pw")
    # ok: credentials/python-hardcoded-password-argument
    other = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
    return conn, other


def make_users(raw):
    # ruleid: credentials/python-hardcoded-password-argument
    admin = User.objects.create_user(username="admin", password="admin1234")
    # ok: credentials/python-hardcoded-password-argument
    guest = User.objects.create_user(username="guest", password=raw)
    # ok: credentials/python-hardcoded-password-argument
    blank = User.objects.create_user(username="blank", password="")
    client = make_client(
        base_url="https://api.example.com",
        # ruleid: credentials/python-hardcoded-password-argument
        api_token="ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    )
    # ok: credentials/python-hardcoded-password-argument
    field = make_field(token_name="csrfmiddlewaretoken", secret="changeme")
    return admin, guest, blank, client, field


def make_client(**kwargs):
    return kwargs


def make_field(**kwargs):
    return kwargs
