import ssl
import socket
from flask import Flask

app = Flask(__name__)


@app.route("/cert-expiry")
def cert_expiry():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("billing.internal", 443)) as sock:
        with ctx.wrap_socket(sock, server_hostname="billing.internal") as tls:
            return {"cipher": tls.cipher()[0]}
