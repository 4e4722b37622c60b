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
    "tsx": ("call_expression", "new_expression"),
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


@pytest.mark.parametrize("language", ["python", "java", "javascript", "typescript", "go", "php", "ruby"])
def test_broken_code_is_resolved_as_far_as_it_goes(language: str) -> None:
    code = {"python": "import (\nimport hashlib\nhashlib.md5(\n", "java": "import ;\nclass { void f( { x.y(\n",
            "javascript": "import { from ;\nconst {a: } = require(;\nx.y(", "typescript": "import x = require(;\nf(a: ",
            "go": "package\nimport (\n\"a\nfunc (", "php": "<?php use ;\nuse function ;\n$x = new ;\n$x->(",
            "ruby": "require\nx = ::\nx."}
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


JAVASCRIPT = '''
const cp = require('child_process');
const {exec, spawn: sp} = require('node:child_process');
import crypto from 'crypto';
import * as c2 from 'node:crypto';
import { createHash as ch } from 'crypto';
const h = crypto.createHash('md5');
function f(res) {
  cp.exec(a);
  exec(b);
  sp(c);
  c2.createCipher('des', k);
  ch('sha1');
  h.update(d);
  require('fs').readFileSync(p);
  res.cookie('n', v);
  Math.random();
  crypto['createHash']('md5');
}
class K { constructor() { this.h = crypto.createHash('sha1'); } m() { this.h.digest(); } }
'''


def test_javascript_require_imports_destructuring_and_fields() -> None:
    found = calls("javascript", JAVASCRIPT)
    assert found["cp.exec(a)"] == "child_process.exec"
    assert found["exec(b)"] == "child_process.exec"
    assert found["sp(c)"] == "child_process.spawn"
    assert found["c2.createCipher('des', k)"] == "crypto.createCipher"
    assert found["ch('sha1')"] == "crypto.createHash"
    assert found["h.update(d)"] == "crypto.createHash.update"
    assert found["require('fs').readFileSync(p)"] == "fs.readFileSync"
    assert found["res.cookie('n', v)"] == "res.cookie"
    assert found["Math.random()"] == "Math.random"
    assert found["crypto['createHash']('md5')"] == "crypto.createHash"
    assert found["this.h.digest()"] == "crypto.createHash.digest"


def test_typescript_import_require_and_annotated_parameters() -> None:
    code = ('import x = require("child_process");\nimport * as crypto from "crypto";\n'
            "function f(h: crypto.Hash, k?: Foo) { h.update(a); k!.go(); x.exec(c); }\n"
            'class A { private r: crypto.Hash = crypto.createHash("md5"); m() { this.r.digest(); } }\n')
    for language in ("typescript", "tsx"):
        found = calls(language, code)
        assert found["h.update(a)"] == "crypto.Hash.update"
        assert found["k!.go()"] == "Foo.go"
        assert found["x.exec(c)"] == "child_process.exec"
        assert found["this.r.digest()"] == "crypto.Hash.digest"


def test_go_imports_by_path_and_typed_variables() -> None:
    code = ('package main\nimport (\n  "crypto/md5"\n  r "math/rand"\n  "gopkg.in/yaml.v3"\n  "github.com/x/y/v2"\n)\n'
            "func f(c *tls.Config, h hash.Hash) {\n  x := md5.New()\n  x.Write(nil)\n  r.Intn(3)\n"
            "  yaml.Unmarshal(b)\n  y.Do()\n  h.Sum(nil)\n  tr := &http.Transport{}\n  tr.RoundTrip(q)\n}\n")
    found = calls("go", code)
    assert found["md5.New()"] == "crypto/md5.New"
    assert found["x.Write(nil)"] == "crypto/md5.New.Write"
    assert found["r.Intn(3)"] == "math/rand.Intn"
    assert found["yaml.Unmarshal(b)"] == "gopkg.in/yaml.v3.Unmarshal"
    assert found["y.Do()"] == "github.com/x/y/v2.Do"
    assert found["h.Sum(nil)"] == "hash.Hash.Sum"
    assert found["tr.RoundTrip(q)"] == "http.Transport.RoundTrip"


def test_php_use_namespaces_and_typed_variables() -> None:
    code = ("<?php\nnamespace App\\Http;\nuse Foo\\Bar as Baz, Qux\\Quux;\nuse function Lib\\f as g;\n"
            "class K { private Baz $p; function f(Baz $b, $d) {\n  $x = new \\Foo\\Zed();\n  $x->run();\n"
            "  $b->go();\n  Quux::make();\n  \\md5($s);\n  g();\n  $this->p->q();\n  $d->query($s);\n"
            "  new Local();\n}}\n")
    found = calls("php", code)
    assert found["new \\Foo\\Zed()"] == "Foo.Zed"
    assert found["$x->run()"] == "Foo.Zed.run"
    assert found["$b->go()"] == "Foo.Bar.go"
    assert found["Quux::make()"] == "Qux.Quux.make"
    assert found["\\md5($s)"] == "md5"
    assert found["g()"] == "Lib.f"
    assert found["$this->p->q()"] == "Foo.Bar.q"
    assert found["$d->query($s)"] == "$d.query"
    assert found["new Local()"] == "App.Http.Local"


def test_ruby_constants_and_assigned_variables() -> None:
    code = ('require "openssl"\nx = OpenSSL::Cipher.new("des")\nx.encrypt\nDigest::MD5.hexdigest(s)\n'
            "system(c)\ndef f(a)\n  @h = Foo.new\n  @h.bar\nend\n")
    found = calls("ruby", code)
    assert found['OpenSSL::Cipher.new("des")'] == "OpenSSL.Cipher.new"
    assert found["x.encrypt"] == "OpenSSL.Cipher.encrypt"
    assert found["Digest::MD5.hexdigest(s)"] == "Digest.MD5.hexdigest"
    assert found["system(c)"] == "system"
    assert found["@h.bar"] == "Foo.bar"


LAZY = '''
x = make()
import x as y
from . import helpers as h

def outer(a: "Session"):
    import json as j
    def inner():
        return j.loads(a)
    z = h.clean(a)
    return inner(), z, y.call()

class Holder:
    label = compute()

    def __init__(self):
        self.conn = db.connect()

    def run(self):
        with open("f") as handle:
            handle.read()
        return self.conn.cursor().execute(self.label)

if True:
    from os import path as p
p.join(x)
'''


def _every_name(tree_root):
    stack = [tree_root]
    while stack:
        node = stack.pop()
        if node.type in ("identifier", "attribute", "call"):
            yield node
        stack.extend(node.children)


@pytest.mark.parametrize("module", ["LAZY", "rich.console", "jinja2.environment", "json.decoder"])
def test_names_collected_per_definition_on_first_use_qualify_as_a_whole_file_collection(module: str) -> None:
    """A Python table collects a top-level def or class only when a name inside it is first
    looked up; every name then qualifies as with all of the file collected up front, asked in
    any order (real modules from the installed packages and the standard library, and a file of
    imports inside functions, renames, class fields and module statements between definitions)."""
    import importlib
    import random

    if module == "LAZY":
        source = LAZY.encode()
    else:
        source = open(importlib.import_module(module).__file__, "rb").read()
    tree = parser.parse(source, "python")
    nodes = list(_every_name(tree.root_node))
    whole = resolve("python", tree, source, "pkg/mod.py")
    whole.complete()
    lazy = resolve("python", tree, source, "pkg/mod.py")
    assert lazy._pending  # noqa: SLF001 - nothing of the definitions collected yet
    random.Random(7).shuffle(nodes)
    assert [lazy.qualify(n) for n in nodes] == [whole.qualify(n) for n in nodes]
    assert not lazy._pending  # noqa: SLF001 - every definition was asked about
