import os


# ruleid: credentials/python-hardcoded-password-default
def connect(host, user="app", password="Xk9#mQ2!vL7p"):
    return host, user, password


def login(
    username,
    # ruleid: credentials/python-hardcoded-password-default
    api_key: str = "sk_live_51HqLyjWDarjtT1zdp7dc",
):
    return username, api_key


# ok: credentials/python-hardcoded-password-default
def connect_from_env(host, password=None):
    return host, password or os.environ["DB_PASSWORD"]


# ok: credentials/python-hardcoded-password-default
def render(template, token_name="csrf"):
    return template, token_name


# ok: credentials/python-hardcoded-password-default
def check(password, hasher="default", secret: str = ""):
    return password, hasher, secret
