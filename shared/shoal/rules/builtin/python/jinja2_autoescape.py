import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape


def make_envs(path, escape_html):
    # ruleid: xss/python-jinja2-autoescape-off
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(path))
    # ruleid: xss/python-jinja2-autoescape-off
    off = Environment(loader=FileSystemLoader(path), autoescape=False)
    # ok: xss/python-jinja2-autoescape-off
    on = Environment(loader=FileSystemLoader(path), autoescape=True)
    # ok: xss/python-jinja2-autoescape-off
    selected = jinja2.Environment(loader=FileSystemLoader(path), autoescape=select_autoescape())
    # ok: xss/python-jinja2-autoescape-off
    configured = Environment(loader=FileSystemLoader(path), autoescape=escape_html)
    return plain, off, on, selected, configured
