import ssl
import socket
from flask import Flask

app = Flask(__name__)


@app.route("/cert-expiry")
def cert_expiry():
    ctx = ssl.create_default_context()
    with socket.create_connection(("billing.internal", 443)) as sock:
        with ctx.wrap_socket(sock, server_hostname="billing.internal") as tls:
            return {"not_after": tls.getpeercert()["notAfter"]}
