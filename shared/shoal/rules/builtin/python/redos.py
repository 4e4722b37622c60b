import re

from flask import Flask, request

app = Flask(__name__)
WORDS = re.compile(r"^(([a-z])+.)+$")
PLAIN = re.compile(r"^[a-z.]+$")
LIMIT = 3


@app.route("/words")
def words():
    text = request.args.get("text", "")
    # ruleid: redos/python-tainted-regex
    first = WORDS.match(text)
    # ok: redos/python-tainted-regex
    second = PLAIN.match(text)
    # ruleid: redos/python-tainted-regex
    third = re.search(r"(\d+)*x", text)
    # ok: redos/python-tainted-regex
    fourth = re.search(r"(abc)*(bcd)+", text)
    label = "fixed" if LIMIT > 2 else text
    # ok: redos/python-tainted-regex
    fifth = WORDS.match(label)
    nested = re.compile(r"(a|b+)+$")
    # ruleid: redos/python-tainted-regex
    sixth = nested.fullmatch(text)
    return str((first, second, third, fourth, fifth, sixth))
