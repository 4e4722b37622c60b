import ssl

from OpenSSL import SSL


def client(sock):
    # ruleid: crypto/python-ssl-insecure-version
    ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)
    # ruleid: crypto/python-ssl-insecure-version
    legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)
    # ruleid: crypto/python-ssl-insecure-version
    SSL.Context(method=SSL.TLSv1_METHOD)
    # ok: crypto/python-ssl-insecure-version
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ok: crypto/python-ssl-insecure-version
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: crypto/python-ssl-insecure-version
    SSL.Context(method=SSL.TLS_METHOD)
    return legacy, context


# ruleid: crypto/python-ssl-insecure-version
def open_socket(version=SSL.SSLv2_METHOD):
    return version
