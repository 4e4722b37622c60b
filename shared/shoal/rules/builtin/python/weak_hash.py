import crypt
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


def spelled_otherwise(blob, flag):
    import hashlib as hl
    from hashlib import sha1 as s1
    from Crypto.Hash import MD5 as m
    import Cryptodome.Hash.SHA1

    # ruleid: crypto/python-weak-hash
    a = hl.md5(blob)
    # ruleid: crypto/python-weak-hash
    b = s1(blob)
    # ruleid: crypto/python-weak-hash
    c = m.new(blob)
    # ruleid: crypto/python-weak-hash
    d = Cryptodome.Hash.SHA1.new(blob)
    # ruleid: crypto/python-weak-hash
    e = hl.new(name="sha1")
    # ruleid: crypto/python-weak-hash
    f = hl.md5(blob, usedforsecurity=flag)
    # ok: crypto/python-weak-hash
    text = "hashlib.md5(password) is what the old code did"
    # ok: crypto/python-weak-hash
    g = hl.sha256(blob)  # hashlib.md5(blob) was here
    # ok: crypto/python-weak-hash
    md5 = other_module.md5(blob)
    from django.contrib.auth.hashers import make_password
    algorithm = "md5"
    # ruleid: crypto/python-weak-hash
    h = hl.new(algorithm, blob)
    # ruleid: crypto/python-weak-hash
    i = make_password(blob, hasher="unsalted_md5")
    # ok: crypto/python-weak-hash
    j = make_password(blob)
    return a, b, c, d, e, f, g, md5, text


def legacy_password_hash(password):
    # ruleid: crypto/python-weak-hash
    salt = crypt.mksalt(crypt.METHOD_MD5)
    # ruleid: crypto/python-weak-hash
    old = crypt.crypt(password, salt=crypt.METHOD_CRYPT)
    # ok: crypto/python-weak-hash
    new = crypt.crypt(password, crypt.mksalt(crypt.METHOD_SHA512))
    return salt, old, new
