import socket
from http.server import HTTPServer, SimpleHTTPRequestHandler

import uvicorn
from flask import Flask

app = Flask(__name__)


def serve_public():
    # ruleid: config/python-bind-all-interfaces
    app.run(host="0.0.0.0", port=8000)
    # ruleid: config/python-bind-all-interfaces
    uvicorn.run("shop.asgi:app", host="0.0.0.0", port=8001)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ruleid: config/python-bind-all-interfaces
    sock.bind(("0.0.0.0", 9000))
    # ruleid: config/python-bind-all-interfaces
    server = HTTPServer(("0.0.0.0", 8080), SimpleHTTPRequestHandler)
    return sock, server


# ruleid: config/python-bind-all-interfaces
LISTEN_HOST = "0.0.0.0"
# ok: config/python-bind-all-interfaces
ALLOWED_HOSTS = ["0.0.0.0", "localhost"]
# ok: config/python-bind-all-interfaces
DEFAULT_ADDR = "127.0.0.1"


def pick_host(hub):
    # ruleid: config/python-bind-all-interfaces
    host = "localhost" if not hub else "0.0.0.0"
    return host


def serve_local(host):
    # ok: config/python-bind-all-interfaces
    app.run(host="127.0.0.1", port=8000)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ok: config/python-bind-all-interfaces
    sock.bind(("127.0.0.1", 9000))
    # ok: config/python-bind-all-interfaces
    sock.bind((host, 9001))
    # ok: config/python-bind-all-interfaces
    server = HTTPServer(("localhost", 8080), SimpleHTTPRequestHandler)
    # ok: config/python-bind-all-interfaces
    uvicorn.run("shop.asgi:app", host=host)
    return sock, server
