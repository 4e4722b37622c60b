from django.utils.html import escape, format_html
from markupsafe import Markup
from django.utils import safestring
from django.utils.safestring import mark_safe


def greeting(user):
    # ruleid: xss/python-django-mark-safe
    return mark_safe(f"<p>Hello {user.first_name}</p>")


def link(url, label):
    html = '<a href="' + url + '">' + label + "</a>"
    # ruleid: xss/python-django-mark-safe
    return mark_safe(html)


def safe_link(url, label):
    # ok: xss/python-django-mark-safe
    return mark_safe(format_html('<a href="{}">{}</a>', url, label))


def separator():
    # ok: xss/python-django-mark-safe
    return mark_safe("<hr>")


def escaped(comment):
    # ok: xss/python-django-mark-safe
    return mark_safe(escape(comment))


def aliased(comment):
    # ruleid: xss/python-django-mark-safe
    return safestring.mark_safe("<p>" + comment + "</p>")


def banner(content):
    # ruleid: xss/python-django-mark-safe
    return Markup(f"<div class='banner'>{content}</div>")


def safe_banner(content):
    # ok: xss/python-django-mark-safe
    return Markup("<div class='banner'>{}</div>").format(content)
