import os

# ruleid: credentials/python-hardcoded-password-string
SECRET_KEY = "django-insecure-8x!k2m#q0v@c7w^z3p&r1t"
# ok: credentials/python-hardcoded-password-string
SECRET_KEY_FALLBACKS = []
# ok: credentials/python-hardcoded-password-string
PASSWORD_RESET_TIMEOUT = 259200

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "USER": "shop",
        # ruleid: credentials/python-hardcoded-password-string
        "PASSWORD": "Sup3r-S3cret!",
        # ok: credentials/python-hardcoded-password-string
        "HOST": "db.internal",
    }
}

CACHES = {
    "default": {
        # ok: credentials/python-hardcoded-password-string
        "PASSWORD": os.environ.get("REDIS_PASSWORD", ""),
    }
}


class MailSettings:
    def __init__(self, config):
        # ruleid: credentials/python-hardcoded-password-string
        self.smtp_password = "hunter2hunter2"
        # ok: credentials/python-hardcoded-password-string
        self.password_field = "password"
        # ok: credentials/python-hardcoded-password-string
        self.api_token = ""
        # ok: credentials/python-hardcoded-password-string
        self.secret = "<your secret here>"
        # ruleid: credentials/python-hardcoded-password-string
        config["api_key"] = "AKIA4QZ7W2RTY9PLMN3B"
        # ok: credentials/python-hardcoded-password-string
        config["token_type"] = "bearer"
        # ok: credentials/python-hardcoded-password-string
        self.db_password = f"{config['prefix']}-pw"
        # ok: credentials/python-hardcoded-password-string
        self.password = "***"
        # ok: credentials/python-hardcoded-password-string
        token = "{%"
        self.token = token


class ResetView:
    # ok: credentials/python-hardcoded-password-string
    INTERNAL_RESET_SESSION_TOKEN = "_password_reset_token"
    # ok: credentials/python-hardcoded-password-string
    reset_url_token = "set-password"
    # ok: credentials/python-hardcoded-password-string
    set_password = 'ALTER USER %(user)s IDENTIFIED BY "%(password)s"'
    # ok: credentials/python-hardcoded-password-string
    REASON_BAD_TOKEN = "CSRF token missing or incorrect."
    # ok: credentials/python-hardcoded-password-string
    _CLIENT_SECRET = "CLIENT_SECRET"
    # ok: credentials/python-hardcoded-password-string
    ENV_MAP = {"client_secret": "CLOUDSDK_AUTH_CLIENT_SECRET"}
