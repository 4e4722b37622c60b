import ssl
import urllib.request


def open_url(url):
    # ruleid: tls/python-ssl-unverified-context
    context = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=context)


def patch_everything():
    # ruleid: tls/python-ssl-unverified-context
    ssl._create_default_https_context = ssl._create_unverified_context


def open_url_safely(url, cafile):
    # ok: tls/python-ssl-unverified-context
    context = ssl.create_default_context(cafile=cafile)
    # ok: tls/python-ssl-unverified-context
    return urllib.request.urlopen(url, context=context)
