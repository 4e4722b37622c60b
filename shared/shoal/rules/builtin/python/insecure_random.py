import random
import random as rnd
from random import choice as pick
import string
import secrets


def make_credentials(user):
    # ruleid: crypto/python-insecure-random
    token = random.getrandbits(128)
    # ruleid: crypto/python-insecure-random
    user.reset_code = rnd.randint(100000, 999999)
    # ruleid: crypto/python-insecure-random
    password = "".join(pick(string.ascii_letters) for _ in range(12))
    # ruleid: crypto/python-insecure-random
    send(user, otp=str(random.randrange(10**6)))
    return token, password


def generate_api_key():
    # ruleid: crypto/python-insecure-random
    return "%032x" % random.getrandbits(128)


def other_uses(items):
    # ok: crypto/python-insecure-random
    delay = random.uniform(0.5, 1.5)
    # ok: crypto/python-insecure-random
    random.shuffle(items)
    # ok: crypto/python-insecure-random
    token = secrets.token_urlsafe(32)
    # ok: crypto/python-insecure-random
    note = "token = random.random() is predictable"  # password = random.random()
    # ok: crypto/python-insecure-random
    sample = rnd.sample(items, 3)
    return delay, token, note, sample


def jitter():
    # ok: crypto/python-insecure-random
    return random.random()
