import hashlib
from hashlib import md5

from Crypto.Hash import MD5, SHA256
from cryptography.hazmat.primitives import hashes


def fingerprints(password, blob, salt):
    # ruleid: crypto/python-weak-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    # ruleid: crypto/python-weak-hash
    token = hashlib.sha1(salt + password.encode()).hexdigest()
    # ruleid: crypto/python-weak-hash
    legacy = hashlib.new("md5", blob)
    # ruleid: crypto/python-weak-hash
    signer = MD5.new(blob)
    # ruleid: crypto/python-weak-hash
    algorithm = hashes.SHA1()
    # ruleid: crypto/python-weak-hash
    bare = md5(blob).hexdigest()
    return digest, token, legacy, signer, algorithm, bare


def checksums(blob):
    # ok: crypto/python-weak-hash
    etag = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    # ok: crypto/python-weak-hash
    strong = hashlib.sha256(blob).hexdigest()
    # ok: crypto/python-weak-hash
    other = hashlib.new("sha256", blob)
    # ok: crypto/python-weak-hash
    cached = hashlib.new("md5", blob, usedforsecurity=False)
    # ok: crypto/python-weak-hash
    h = SHA256.new(blob)
    # ok: crypto/python-weak-hash
    algorithm = hashes.SHA256()
    # ok: crypto/python-weak-hash
    tag = md5(blob, usedforsecurity=False).hexdigest()
    return etag, strong, other, cached, h, algorithm, tag
