"""The taint engine is bounded: a huge function or a deeply nested expression becomes a diagnostic
("data flow not analysed: ...") through the agent's own path, never a RecursionError or a hang, and
the rest of the file is still analysed, in every language the engine reads."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from shoal.scan.agent import FileChecks, analyse_file
from shoal.config import Thresholds
from shoal.models import Finding, Severity, SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.security import FindingPolicy

DEPTH = 5_000
STATEMENTS = 20_000


@pytest.fixture(scope="module")
def checks() -> FileChecks:
    return FileChecks(Thresholds(), RuleEngine(RuleSet(builtin_rules())), FindingPolicy())


def _analyse(tmp_path: Path, name: str, language: str, code: str, checks: FileChecks) -> tuple[list[Finding], list[str], float]:
    (tmp_path / name).write_text(code)
    started = time.monotonic()
    _, findings, diagnostics = analyse_file(tmp_path, SourceFile(name, language, 1), checks)
    return findings, diagnostics, time.monotonic() - started


def _flow_lines(findings: list[Finding], rule: str) -> list[int]:
    return sorted(f.location.start_line for f in findings if f.rule_id == rule and f.severity == Severity.ERROR)


# (file, language, rule, code with a function `deep` holding the nested expression at line 3 or
# earlier, and a plain flow on the last line)
NESTED = [
    ("deep.py", "python", "sql-injection/python-formatted-sql",
     "from flask import request\ndef deep(cursor):\n    cursor.execute(" + "(" * DEPTH + "request.args['q']"
     + ")" * DEPTH + ")\ndef fine(cursor):\n    cursor.execute('SELECT ' + request.args['q'])\n", "deep.py:2", 5),
    ("calls.py", "python", "sql-injection/python-formatted-sql",
     "from flask import request\ndef deep(cursor):\n    q = " + "str(" * DEPTH + "request.args['q']" + ")" * DEPTH
     + "\n    cursor.execute(q)\ndef fine(cursor):\n    cursor.execute('SELECT ' + request.args['q'])\n", "calls.py:2", 6),
    ("sum.py", "python", "sql-injection/python-formatted-sql",
     "from flask import request\ndef deep(cursor):\n    q = " + " + ".join(["request.args['q']"] * DEPTH)
     + "\n    cursor.execute(q)\ndef fine(cursor):\n    cursor.execute('SELECT ' + request.args['q'])\n", "sum.py:2", 6),
    ("deep.js", "javascript", "xss/js-express-reflected",
     "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => { res.send("
     + "(" * DEPTH + "req.query.q" + ")" * DEPTH + "); });\napp.get('/b', (req, res) => {\n  res.send(req.query.q);\n});\n",
     "deep.js:3", 5),
    ("Deep.java", "java", "sql-injection/java-sql-string-building",
     "import javax.servlet.http.HttpServletRequest;\nclass Deep {\n  void a(HttpServletRequest request, java.sql.Statement s)"
     " throws Exception { s.execute(" + "(" * DEPTH + "\"x\" + request.getParameter(\"q\")" + ")" * DEPTH + "); }\n"
     "  void b(HttpServletRequest request, java.sql.Statement s) throws Exception {\n"
     "    s.execute(\"x\" + request.getParameter(\"q\")); }\n}\n", "Deep.java:3", 5),
]


@pytest.mark.parametrize(("name", "language", "rule", "code", "where", "flow_line"), NESTED, ids=[n[0] for n in NESTED])
def test_a_5000_deep_expression_is_a_diagnostic_and_the_rest_of_the_file_is_analysed(
    tmp_path: Path, checks: FileChecks, name: str, language: str, rule: str, code: str, where: str, flow_line: int,
) -> None:
    findings, diagnostics, elapsed = _analyse(tmp_path, name, language, code, checks)
    assert [d for d in diagnostics if "data flow not analysed" in d] == [
        d for d in diagnostics if d.startswith(f"{where}: data flow not analysed: nesting")], diagnostics
    assert any(d.startswith(f"{where}: data flow not analysed: nesting") for d in diagnostics), diagnostics
    assert flow_line in _flow_lines(findings, rule)
    assert elapsed < 30, elapsed  # generous: a shared CI machine; a hang would be minutes


LONG = [
    ("big.py", "python", "sql-injection/python-formatted-sql",
     "from flask import request\ndef huge(cursor):\n"
     + "".join(f"    v{i} = request.args['a'] + str({i})\n" for i in range(STATEMENTS))
     + "    cursor.execute(v1)\ndef small(cursor):\n    cursor.execute('SELECT ' + request.args['q'])\n",
     "big.py:2", STATEMENTS + 5),
    ("big.js", "javascript", "xss/js-express-reflected",
     "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n"
     + "".join(f"  let v{i} = req.query.a + {i};\n" for i in range(STATEMENTS))
     + "  res.send(v1);\n});\napp.get('/b', (req, res) => {\n  res.send(req.query.q);\n});\n",
     "big.js:3", STATEMENTS + 7),
    ("Big.java", "java", "sql-injection/java-sql-string-building",
     "import javax.servlet.http.HttpServletRequest;\nclass Big {\n"
     "  void a(HttpServletRequest request, java.sql.Statement s) throws Exception {\n"
     + "".join(f"    String v{i} = request.getParameter(\"a\") + {i};\n" for i in range(STATEMENTS))
     + "    s.execute(v1);\n  }\n  void b(HttpServletRequest request, java.sql.Statement s) throws Exception {\n"
     "    s.execute(\"x\" + request.getParameter(\"q\"));\n  }\n}\n", "Big.java:3", STATEMENTS + 7),
]


@pytest.mark.parametrize(("name", "language", "rule", "code", "where", "flow_line"), LONG, ids=[n[0] for n in LONG])
def test_a_function_of_20000_statements_is_over_budget_and_the_rest_of_the_file_is_analysed(
    tmp_path: Path, checks: FileChecks, name: str, language: str, rule: str, code: str, where: str, flow_line: int,
) -> None:
    findings, diagnostics, elapsed = _analyse(tmp_path, name, language, code, checks)
    assert [d for d in diagnostics if "data flow not analysed" in d and d.startswith(where)] == [
        d for d in diagnostics if d.startswith(f"{where}: data flow not analysed: budget")], diagnostics
    assert any(d.startswith(f"{where}: data flow not analysed: budget") for d in diagnostics), diagnostics
    assert _flow_lines(findings, rule) == [flow_line]  # only the small function's flow: the huge one is unread
    assert elapsed < 60, elapsed


def test_names_are_resolved_once_for_the_calls_rules_and_taint(
    tmp_path: Path, checks: FileChecks, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file that both the calls rules (hashlib.md5) and taint (a request flow) read has its
    NameTable built once, and both still find what they find."""
    import shoal.analysis.names as names

    built: list[str] = []

    class Counted(names.NameTable):
        def __init__(self, language: str, *args: object) -> None:
            built.append(language)
            super().__init__(language, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(names, "NameTable", Counted)  # what resolve builds
    code = ("import hashlib\nfrom flask import request\nimport os\n"
            "def view():\n    hashlib.md5(request.args['q'].encode())\n    os.system('ls ' + request.args['q'])\n")
    findings, _, _ = _analyse(tmp_path, "both.py", "python", code, checks)
    assert built == ["python"]
    rules = {f.rule_id for f in findings}
    assert any("md5" in r or "hash" in r for r in rules), rules
    assert any(f.severity == Severity.ERROR and f.location.start_line == 6 for f in findings), findings
