import socket
import ssl

import urllib3


def connect(host, port):
    context = ssl.create_default_context()
    # ruleid: tls/python-ssl-verification-disabled
    context.check_hostname = False
    # ruleid: tls/python-ssl-verification-disabled
    context.verify_mode = ssl.CERT_NONE
    # ruleid: tls/python-ssl-verification-disabled
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
    sock = socket.create_connection((host, port))
    return context.wrap_socket(sock, server_hostname=host), pool


def connect_safely(host, port, cafile):
    context = ssl.create_default_context()
    # ok: tls/python-ssl-verification-disabled
    context.check_hostname = True
    # ok: tls/python-ssl-verification-disabled
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cafile)
    # ok: tls/python-ssl-verification-disabled
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=cafile)
    sock = socket.create_connection((host, port))
    return context.wrap_socket(sock, server_hostname=host), pool
