import os

# ruleid: config/python-django-debug
DEBUG = True

# ok: config/python-django-debug
TEMPLATE_DEBUG = DEBUG

ALLOWED_HOSTS = ["shop.example.com"]

if os.environ.get("CI"):
    # ok: config/python-django-debug
    DEBUG = os.environ.get("DJANGO_DEBUG") == "1"


class Settings:
    # ok: config/python-django-debug
    DEBUG = True


def configure(settings):
    # ok: config/python-django-debug
    settings.DEBUG = False
    # ok: config/python-django-debug
    DEBUG = True
    return DEBUG
