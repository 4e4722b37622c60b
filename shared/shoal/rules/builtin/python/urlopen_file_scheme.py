import urllib.request
from urllib.request import urlopen as fetch

import six


def load():
    # ruleid: path-traversal/python-urlopen-file-scheme
    fetch("file:///etc/passwd")
    # ruleid: path-traversal/python-urlopen-file-scheme
    urllib.request.urlretrieve("file:///bin/ls", "/tmp/ls")
    # ruleid: path-traversal/python-urlopen-file-scheme
    opener = six.moves.urllib.request.FancyURLopener()
    # ok: path-traversal/python-urlopen-file-scheme
    urllib.request.urlopen("https://example.com/status", timeout=5)
    return opener
