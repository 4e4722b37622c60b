from urllib.parse import urljoin, urlparse
from flask import Flask, request, redirect

app = Flask(__name__)


def same_site(target):
    base = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and base.netloc == test.netloc


@app.route("/continue")
def continue_to():
    target = request.cookies.get("continue_url", "/")
    return redirect(target if same_site(target) else "/")
