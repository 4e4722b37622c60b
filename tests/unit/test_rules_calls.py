"""Rules that name the calls they report (`calls:`): refused when a name cannot be read, matched
through name resolution, with argument conditions and message placeholders."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from shoal.analysis import parser
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, load_rule_file, parse_rule

BASE: dict[str, Any] = {
    "id": "test/python-calls",
    "name": "TestCalls",
    "severity": "warning",
    "confidence": "high",
    "message": "{fn} is {callee} with {arg0}",
    "languages": ["python"],
    "calls": [{"names": ["hashlib.md5", "*.execute"]}],
}


def rule(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def findings(data: dict[str, Any], code: str, language: str = "python", path: str = "pkg/mod.py") -> list[tuple[int, str]]:
    engine = RuleEngine(RuleSet((parse_rule(data, "test.yaml"),)))
    source = textwrap.dedent(code).encode()
    found, diagnostics = engine.run(language, parser.parse(source, language), source, path)
    assert not diagnostics
    return sorted((f.location.start_line, f.message) for f in found)


@pytest.mark.parametrize(("changes", "fragments"), [
    ({"calls": [{"names": ["hashlib..md5"]}]}, ["calls[0].names[0]", "segment ''"]),
    ({"calls": [{"names": ["ok.name", "os.*"]}]}, ["calls[0].names[1]", "ends in '*'"]),
    ({"calls": [{"names": ["a.b"], "args": [{"equals": "x"}]}]}, ["calls[0].args[0]", "'position'", "'keyword'"]),
    ({"calls": [{"names": ["a.b"], "args": [{"position": 0, "matches": "(unclosed"}]}]}, ["calls[0].args[0]", "regex"]),
    ({"languages": ["c"]}, ["names cannot be resolved in c"]),
    ({"calls": []}, ["should be non-empty", "at calls"]),
])
def test_unreadable_calls_are_refused_naming_file_rule_and_field(tmp_path: Path, changes: dict[str, Any], fragments: list[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(rule(**changes)))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert str(path) in message and "test/python-calls" in message
    for fragment in fragments:
        assert fragment in message, message


def test_calls_are_found_through_aliases_and_receivers_but_never_in_text() -> None:
    code = '''
        import hashlib as h
        from hashlib import md5 as digest
        h.md5(a)
        digest(b)
        db.execute(q)
        cursor().execute(r)
        log("hashlib.md5(x) is weak")  # hashlib.md5(y)
        other.md5(c)
        '''
    assert findings(BASE, code) == [
        (4, "h.md5 is hashlib.md5 with a"),
        (5, "digest is hashlib.md5 with b"),
        (6, "db.execute is db.execute with q"),
        (7, "cursor().execute is cursor.execute with r"),
    ]


def test_a_file_without_any_named_segment_is_not_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    import shoal.analysis.names as names

    def fail(*_: Any) -> None:
        raise AssertionError("resolved a file that cannot match")

    monkeypatch.setattr(names, "resolve", fail)  # what FileNames.table builds the table with
    assert findings(BASE, "import os\nos.system(x)\n") == []


ARGS = rule(message="{callee}", calls=[
    {"names": ["flask.Response.set_cookie"], "args": [{"keyword": "secure", "position": 6, "absent": True}]},
    {"names": ["flask.Response.set_cookie"], "args": [{"keyword": "secure", "equals": "False"}]},
    {"names": ["Cipher.new"], "args": [{"position": 0, "matches": "^(?i:des|rc4)$", "string_literal": True}]},
    {"names": ["opts.go"], "args": [{"position": 0, "property": "verify", "equals": "False"}]},
    {"names": ["opts.run"], "args": [{"position": 0, "constant": False}]},
])


def test_argument_conditions() -> None:
    code = '''
        from flask import Response
        r = Response()
        r.set_cookie("k", v)
        r.set_cookie("k", v, secure=False)
        r.set_cookie("k", v, secure=True)
        r.set_cookie("k", v, None, None, "/", None, True)
        r.set_cookie("k", v, **options)
        Cipher.new("DES")
        Cipher.new("AES")
        Cipher.new(name)
        opts.go({"verify": False})
        opts.go({"verify": True})
        opts.go(settings)
        opts.go({**base})
        opts.run(cmd)
        opts.run("ls")
        opts.run(3)
        '''
    assert [line for line, _ in findings(ARGS, code)] == [4, 5, 9, 12, 16]


def test_javascript_options_object_and_destructured_require() -> None:
    data = rule(languages=["javascript", "typescript"], message="{callee}", calls=[
        {"names": ["child_process.exec"]},
        {"names": ["*.cookie"], "args": [{"position": 2, "property": "secure", "equals": "false"}]},
        {"names": ["*.cookie"], "args": [{"position": 2, "absent": True}]},
    ])
    code = '''
        const {exec: run} = require('child_process');
        run(cmd);
        res.cookie('a', v, {secure: false});
        res.cookie('a', v, {secure: true});
        res.cookie('a', v);
        res.cookie('a', v, options);
        '''
    for language in ("javascript", "typescript"):
        assert findings(data, code, language, "a.js") == [
            (3, "child_process.exec"), (4, "res.cookie"), (6, "res.cookie")]


def test_java_receivers_are_typed() -> None:
    data = rule(languages=["java"], message="{callee}", calls=[{"names": ["java.lang.Runtime.exec"]}])
    code = '''
        class A {
          private Runtime shell = Runtime.getRuntime();
          void f(Runtime r, Other o) {
            r.exec(a);
            shell.exec(b);
            Runtime.getRuntime().exec(c);
            o.exec(d);
            String s = "Runtime.getRuntime().exec(e)";
          }
        }
        '''
    assert [line for line, _ in findings(data, code, "java", "A.java")] == [5, 6, 7]


def test_a_rule_with_calls_only_keeps_the_metrics_pass() -> None:
    engine = RuleEngine(RuleSet((parse_rule(BASE, "test.yaml"),)))
    source = b"import hashlib\ndef f(x):\n    return hashlib.md5(x)\n"
    found, diagnostics, metrics = engine.run_with_metrics("python", parser.parse(source, "python"), source, "m.py")
    assert [f.location.start_line for f in found] == [3] and not diagnostics
    assert metrics  # the metrics query ran in the same pass


def test_query_rules_and_calls_rules_run_side_by_side() -> None:
    query_only = {k: v for k, v in BASE.items() if k != "calls"}
    query_rule = parse_rule(query_only | {"id": "test/python-query", "message": "q",
                            "queries": ['(call function: (identifier) @fn (#eq? @fn "danger")) @finding']}, "q.yaml")
    engine = RuleEngine(RuleSet((query_rule, parse_rule(BASE, "test.yaml"))))
    source = b"import hashlib\ndanger()\nhashlib.md5(x)\n"
    found, _ = engine.run("python", parser.parse(source, "python"), source, "m.py")
    assert sorted((f.rule_id, f.location.start_line) for f in found) == [
        ("test/python-calls", 3), ("test/python-query", 2)]


def test_context_reports_only_results_given_to_security_looking_names() -> None:
    data = rule(message="{callee}", calls=[
        {"names": ["random.random", "random.choice"], "context": "(?i)token|secret|password"}])
    code = '''
        import random
        token = random.random()
        delay = random.random()
        self.secret_key = str(random.random())
        make(password=random.choice(chars))
        def new_password():
            return "".join(random.choice(chars) for _ in range(8))
        def jitter():
            return random.random()
        '''
    assert [line for line, _ in findings(data, code)] == [3, 5, 6, 8]


def test_unless_a_call_in_the_same_scope_makes_it_safe() -> None:
    data = rule(languages=["java"], message="{callee}", calls=[{
        "names": ["javax.xml.parsers.DocumentBuilderFactory.newInstance"],
        "unless": [{"names": ["*.setFeature"], "args": [
            {"position": 0, "matches": "disallow-doctype-decl"}, {"position": 1, "equals": "true"}]}],
    }])
    code = '''
        import javax.xml.parsers.DocumentBuilderFactory;
        class A {
          void unsafe() {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
          }
          void safe() {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          }
          void undone() {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
          }
        }
        '''
    assert [line for line, _ in findings(data, code, "java", "A.java")] == [5, 12]


def test_arguments_held_in_names_constants_and_objects_are_followed() -> None:
    data = rule(languages=["java"], message="{arg0}", calls=[{
        "names": ["javax.crypto.Cipher.getInstance"],
        "args": [{"position": 0, "string_literal": True, "matches": "^(?i:des|rc4)"}]}])
    code = '''
        import javax.crypto.Cipher;
        class A {
          private static final String ALG = "RC4";
          void f(String chosen, boolean legacy) {
            Cipher.getInstance(ALG);
            String t = "AES/GCM/NoPadding";
            t = "DES/CBC/PKCS5Padding";
            Cipher.getInstance(t);
            Cipher.getInstance(legacy ? "DES" : "AES/GCM/NoPadding");
            Cipher.getInstance("DE" + "S");
            Cipher.getInstance(chosen);
            String g = "AES/GCM/NoPadding";
            Cipher.getInstance(g);
          }
        }
        '''
    assert [line for line, _ in findings(data, code, "java", "A.java")] == [6, 9, 10, 11]
    js = rule(languages=["javascript"], message="{arg0}", calls=[{
        "names": ["crypto.createHash"], "args": [{"position": 0, "matches": "^md5$"}]}])
    code = '''
        const crypto = require('crypto');
        const ALGS = { legacy: 'md5', current: 'sha256' };
        crypto.createHash(ALGS.legacy);
        crypto.createHash(ALGS.current);
        crypto.createHash(ALGS['legacy']);
        '''
    assert [line for line, _ in findings(js, code, "javascript", "a.js")] == [4, 6]


def test_the_last_assignment_and_constant_conditions_decide() -> None:
    data = rule(languages=["javascript"], message="{arg0}", calls=[{
        "names": ["crypto.createHash"], "args": [{"position": 0, "matches": "^md5$"}]}])
    code = '''
        const crypto = require('crypto');
        const LEGACY = false;
        function f() {
          let a = 'md5';
          a = 'sha256';
          crypto.createHash(a);
          let b = 'sha256';
          b = 'md5';
          crypto.createHash(b);
          crypto.createHash(LEGACY ? 'md5' : 'sha256');
          crypto.createHash(!LEGACY ? 'md5' : 'sha256');
          if (LEGACY) {
            crypto.createHash('md5');
          }
        }
        '''
    assert [line for line, _ in findings(data, code, "javascript", "a.js")] == [10, 12]


def test_context_follows_the_result_one_step_and_out_of_callbacks() -> None:
    data = rule(languages=["javascript"], message="{callee}", calls=[
        {"names": ["Math.random"], "context": "(?i)(token|voucher|resetcode|pin)s?\\b"}])
    code = '''
        app.post('/reset', (req, res) => {
          const code = String(Math.floor(Math.random() * 1e6));
          req.session.resetCode = code;
          const voucher = Array.from({ length: 8 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
          const delay = Math.random() * 100;
          setTimeout(done, delay);
        });
        app.post('/cards/:id/pin', (req, res) => {
          digits.push(Math.trunc(Math.random() * 10));
        });
        '''
    assert [line for line, _ in findings(data, code, "javascript", "a.js")] == [3, 5, 10]


def test_a_rule_loaded_twice_compares_equal_whatever_was_compiled_in_between() -> None:
    """re2 keeps few compiled patterns; a scan loads the built-in rules without the checks a test
    loaded them with, and the two must be equal (the built-in rules test compares them)."""
    import re2

    data = {**BASE, "queries": ['(call function: (identifier) @fn) @finding'], "where": {"fn": {"matches": "^da"}}}
    first = parse_rule(data, "a.yaml")
    for number in range(300):
        re2.compile(f"filler{number}")
    assert parse_rule(data, "a.yaml").constraints == first.constraints


def test_calls_far_apart_and_through_aliases_are_all_found_where_only_their_words_are_walked() -> None:
    # The calls query walks only around the places the names' last segments are written (each
    # place its own range when they are far apart); a call through an alias, whose name is not
    # written there, is still found by the resolution pass.
    padding = "".join(f"value_{n} = {n}  # padding between the places a rule needs\n" for n in range(40))
    code = ("import hashlib\nfrom hashlib import md5 as digest\nhashlib.md5(a)\n" + padding
            + "note = 'md5 is weak'\n" + padding + "digest(b)\n" + padding + "db.execute(\n    q,\n)\n")
    lines = code.splitlines()
    assert findings(BASE, code) == [
        (3, "hashlib.md5 is hashlib.md5 with a"),
        (lines.index("digest(b)") + 1, "digest is hashlib.md5 with b"),
        (lines.index("db.execute(") + 1, "db.execute is db.execute with q"),
    ]


def test_a_setting_read_with_a_default_holds_that_default() -> None:
    data = rule(languages=["java"], message="{callee}", calls=[{
        "names": ["java.security.MessageDigest.getInstance"],
        "args": [{"position": 0, "matches": "(?i)^md5$"}]}])
    code = '''
        class A {
          void f(java.util.Properties p) throws Exception {
            String weak = p.getProperty("hash", "MD5");
            java.security.MessageDigest.getInstance(weak);
            String strong = p.getProperty("hash", "SHA-256");
            java.security.MessageDigest.getInstance(strong);
            java.security.MessageDigest.getInstance(p.getProperty("hash"));
          }
        }
        '''
    assert [line for line, _ in findings(data, code, "java", "A.java")] == [5]


def test_a_rename_inside_a_function_is_seen_however_its_import_is_written() -> None:
    """Python's names are collected per top-level definition when first needed; the bare calls
    of renamed imports read every scope's imports, so each definition holding an `import` is
    collected first, a parenthesised `as` over several lines included."""
    code = '''
    import os as o

    def first():
        return o.getcwd()

    def digest(data):
        from hashlib import (
            md5 as weak,
        )
        return weak(data)

    class Store:
        def key(self, data):
            import hashlib as hl
            return hl.md5(data)
    '''
    assert [line for line, _ in findings(rule(), code)] == [11, 16]
