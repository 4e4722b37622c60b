"""Name resolution per language: what each call in a small file qualifies to."""

from __future__ import annotations

import pytest

from shoal.analysis import parser
from shoal.analysis.names import NamePattern, NamePatternError, last_segments, resolve

_CALLS = {
    "python": ("call",),
    "java": ("method_invocation", "object_creation_expression"),
    "javascript": ("call_expression", "new_expression"),
    "typescript": ("call_expression", "new_expression"),
    "go": ("call_expression",),
    "php": ("function_call_expression", "member_call_expression", "scoped_call_expression",
            "object_creation_expression"),
    "ruby": ("call",),
}


def calls(language: str, code: str, path: str | None = None) -> dict[str, str | None]:
    """Each call's source text -> the name it qualifies to."""
    source = code.encode()
    tree = parser.parse(source, language)
    table = resolve(language, tree, source, path)
    found: dict[str, str | None] = {}
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in _CALLS[language]:
            found.setdefault(node.text.decode(), table.qualify(node))
        stack.extend(node.children)
    return found


PYTHON = '''
import hashlib
import os.path
import xml.etree.ElementTree as ET
from Crypto.Hash import MD5 as m
from . import sib
from ..up import thing as t2
from random import *

def f(h: hashlib.Foo, db):
    m.new(b"x")
    x = hashlib.md5()
    x.update(b"a")
    db.execute("q")
    h.go()
    os.path.join("a")
    ET.parse("f")
    sib.run()
    t2()
    "".join([])
    with open("f") as fh:
        fh.read()
    x = x.copy()
    (lambda: 1)()

def g():
    x.update(b"b")

class C:
    k = hashlib.sha1
    def __init__(self):
        self.h = hashlib.md5()
    def m(self):
        self.h.update(b"")
        self.k()
        self.other()
'''


def test_python_imports_aliases_assignments_and_fields() -> None:
    found = calls("python", PYTHON, "pkg/sub/mod.py")
    assert found['m.new(b"x")'] == "Crypto.Hash.MD5.new"
    assert found['x.update(b"a")'] == "hashlib.md5.update"
    assert found['x.update(b"b")'] == "x.update"  # another function's x is not this one
    assert found['db.execute("q")'] == "db.execute"
    assert found["h.go()"] == "hashlib.Foo.go"
    assert found['os.path.join("a")'] == "os.path.join"
    assert found['ET.parse("f")'] == "xml.etree.ElementTree.parse"
    assert found["sib.run()"] == "pkg.sub.sib.run"
    assert found["t2()"] == "pkg.up.thing"
    assert found['"".join([])'] == "?.join"
    assert found["fh.read()"] == "open.read"
    assert found["x.copy()"] == "hashlib.md5.copy"  # bound in terms of itself: no endless loop
    assert found["(lambda: 1)()"] is None
    assert found['self.h.update(b"")'] == "hashlib.md5.update"
    assert found["self.k()"] == "hashlib.sha1"
    assert found["self.other()"] == "self.other"


def test_python_relative_imports_stay_as_written_without_a_path() -> None:
    found = calls("python", "from . import sib\nfrom ..up import t\nsib.run()\nt()\n")
    assert found["sib.run()"] == ".sib.run"
    assert found["t()"] == "..up.t"


JAVA = '''
package p;
import java.security.MessageDigest;
import javax.crypto.*;
import static java.lang.Math.random;
class A {
  private static final Runtime RT = Runtime.getRuntime();
  private java.util.Random rnd;
  void f(Runtime r, Foo db) throws Exception {
    r.exec(c);
    RT.exec(d);
    Runtime.getRuntime().exec(e);
    java.security.MessageDigest.getInstance("MD5");
    MessageDigest.getInstance("SHA1");
    javax.crypto.Cipher.getInstance("DES");
    Cipher.getInstance("AES");
    var k = Cipher.getInstance("X");
    k.init(1);
    this.rnd.nextInt();
    rnd.nextLong();
    random();
    db.query(q);
    new java.util.Random().nextInt();
    Runtime rr = null;
    rr.exec(f);
    "s".length();
  }
}
'''


def test_java_imports_fully_qualified_names_declared_types_and_factories() -> None:
    found = calls("java", JAVA)
    assert found["r.exec(c)"] == "java.lang.Runtime.exec"
    assert found["RT.exec(d)"] == "java.lang.Runtime.exec"
    assert found["Runtime.getRuntime().exec(e)"] == "java.lang.Runtime.exec"
    assert found["Runtime.getRuntime()"] == "java.lang.Runtime.getRuntime"
    assert found['java.security.MessageDigest.getInstance("MD5")'] == "java.security.MessageDigest.getInstance"
    assert found['MessageDigest.getInstance("SHA1")'] == "java.security.MessageDigest.getInstance"
    assert found['javax.crypto.Cipher.getInstance("DES")'] == "javax.crypto.Cipher.getInstance"
    assert found['Cipher.getInstance("AES")'] == "javax.crypto.Cipher.getInstance"  # wildcard import
    assert found["k.init(1)"] == "javax.crypto.Cipher.init"  # var: the factory's type
    assert found["this.rnd.nextInt()"] == "java.util.Random.nextInt"
    assert found["rnd.nextLong()"] == "java.util.Random.nextLong"
    assert found["random()"] == "java.lang.Math.random"
    assert found["db.query(q)"] == "Foo.query"
    assert found["new java.util.Random().nextInt()"] == "java.util.Random.nextInt"
    assert found["new java.util.Random()"] == "java.util.Random"
    assert found["rr.exec(f)"] == "java.lang.Runtime.exec"
    assert found['"s".length()'] == "?.length"


@pytest.mark.parametrize("language", ["python", "java"])
def test_broken_code_is_resolved_as_far_as_it_goes(language: str) -> None:
    code = {"python": "import (\nimport hashlib\nhashlib.md5(\n", "java": "import ;\nclass { void f( { x.y(\n"}
    calls(language, code[language])  # no exception whatever the tree looks like


@pytest.mark.parametrize(("pattern", "name", "expected"), [
    ("hashlib.md5", "hashlib.md5", True),
    ("hashlib.md5", "hashlib.md5.update", False),
    ("*.execute", "db.execute", True),
    ("*.execute", "a.b.c.execute", True),
    ("*.execute", "execute", False),  # * is one or more segments
    ("*.execute", "?.execute", True),
    ("java.lang.Runtime.exec", "java.lang.Runtime.exec", True),
    ("javax.*.Cipher.getInstance", "javax.crypto.Cipher.getInstance", True),
    ("javax.*.Cipher.getInstance", "javax.Cipher.getInstance", False),
    ("random.*", "random.random", True),
    ("random.*", "random", False),
    ("hashlib.md5", None, False),
])
def test_name_patterns(pattern: str, name: str | None, expected: bool) -> None:
    assert NamePattern.compile(pattern).matches(name) is expected


@pytest.mark.parametrize("bad", ["", "a..b", "a.", "*", "*.*", "a b", "a.(b)", ".a"])
def test_unreadable_name_patterns_are_refused_with_the_reason(bad: str) -> None:
    with pytest.raises(NamePatternError, match="name|segment|'\\*'"):
        NamePattern.compile(bad)


def test_last_segments_prefilter() -> None:
    patterns = [NamePattern.compile(p) for p in ("hashlib.md5", "*.execute", "Crypto.Hash.MD5.new")]
    assert last_segments(patterns) == {"md5", "execute", "new"}
    assert last_segments([*patterns, NamePattern.compile("os.*")]) is None


def test_unknown_language_is_a_clear_error() -> None:
    tree = parser.parse(b"int x;", "c")
    with pytest.raises(ValueError, match="no name resolution for c"):
        resolve("c", tree, b"int x;")
