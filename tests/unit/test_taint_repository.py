"""Calls between files of the same scan: a function of another file is followed through its
summary (taint.repository), so request data a helper class reads, or a sink a helper function
calls, is found at the call, the path going on into the other file."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoal.analysis.taint.repository import Repository
from shoal.config import Thresholds
from shoal.models import Finding, Severity, SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.agent import FileChecks, analyse_file
from shoal.scan.security import FindingPolicy

HELPER = """package com.acme.web;

import javax.servlet.http.HttpServletRequest;

public class RequestWrapper {
    private HttpServletRequest request;

    public RequestWrapper(HttpServletRequest request) {
        this.request = request;
    }

    public String param(String name) {
        return request.getParameter(name);
    }

    public String fixed(String name) {
        return "constant";
    }
}
"""

SERVLET = """package com.acme.app;

import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import com.acme.web.RequestWrapper;

public class Lookup {
    public void {method}(HttpServletRequest request, Statement st) throws Exception {
        RequestWrapper wrapper = new RequestWrapper(request);
        String id = wrapper.{call}("id");
        st.execute("SELECT * FROM users WHERE id = '" + id + "'");
    }
}
"""

DB = """import sqlite3


def run(cursor, sql):
    cursor.execute(sql)


def run_safely(cursor, sql, value):
    cursor.execute(sql, (value,))
"""

VIEW = """from flask import Flask, request

from {package}.db import {function}

app = Flask(__name__)


@app.route("/users")
def users():
    cursor = app.db.cursor()
    {function}(cursor, {argument})
    return "ok"
"""


@pytest.fixture(scope="module")
def engine() -> RuleEngine:
    return RuleEngine(RuleSet(builtin_rules()))


def _write(root: Path, files: dict[str, str]) -> dict[str, str]:
    languages = {}
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
        languages[path] = "java" if path.endswith(".java") else "python"
    return languages


def _findings(root: Path, files: dict[str, str], target: str, engine: RuleEngine, with_repository: bool = True,
              ) -> list[Finding]:
    languages = _write(root, files)
    repository = Repository(languages, lambda path: (root / path).read_bytes()) if with_repository else None
    checks = FileChecks(Thresholds(), engine, FindingPolicy(), repository=repository)
    _, findings, _ = analyse_file(root, SourceFile(target, languages[target], 1), checks)
    return [f for f in findings if f.rule_id.startswith("sql-injection/") and f.severity == Severity.ERROR]


JAVA_TARGET = "src/main/java/com/acme/app/Lookup.java"


def _java(call: str) -> dict[str, str]:
    return {"src/main/java/com/acme/web/RequestWrapper.java": HELPER,
            JAVA_TARGET: SERVLET.replace("{method}", "doGet").replace("{call}", call)}


def test_a_helper_class_of_another_file_that_reads_the_request_is_a_source(tmp_path: Path, engine: RuleEngine):
    found = _findings(tmp_path, _java("param"), JAVA_TARGET, engine)
    assert len(found) == 1
    steps = found[0].steps
    assert (steps[0].path, steps[0].line) == ("src/main/java/com/acme/web/RequestWrapper.java", 13)
    assert steps[0].message.startswith("source: ")
    assert all(s.path == JAVA_TARGET for s in steps[1:])
    assert found[0].location.path == JAVA_TARGET and found[0].location.start_line == 11
    assert "line 13 of src/main/java/com/acme/web/RequestWrapper.java" in found[0].message


def test_a_helper_method_that_returns_a_constant_is_no_source(tmp_path: Path, engine: RuleEngine):
    assert _findings(tmp_path, _java("fixed"), JAVA_TARGET, engine) == []


def test_without_the_other_files_the_helper_is_not_followed(tmp_path: Path, engine: RuleEngine):
    assert _findings(tmp_path, _java("param"), JAVA_TARGET, engine, with_repository=False) == []


def _python(function: str, argument: str) -> dict[str, str]:
    return {"shop/__init__.py": "", "shop/db.py": DB,
            "shop/views.py": VIEW.replace("{package}", "shop").replace("{function}", function)
            .replace("{argument}", argument)}


def test_request_data_passed_to_a_sink_of_another_file_is_found_at_the_call(tmp_path: Path, engine: RuleEngine):
    files = _python("run", "\"SELECT * FROM t WHERE name = '\" + request.args[\"name\"] + \"'\"")
    found = _findings(tmp_path, files, "shop/views.py", engine)
    assert len(found) == 1
    assert (found[0].location.path, found[0].location.start_line) == ("shop/views.py", 11)
    assert [s.path for s in found[0].steps][-1] == "shop/db.py"
    assert found[0].steps[-1].line == 5 and found[0].steps[-1].message.startswith("sink: ")


@pytest.mark.parametrize(("function", "argument"), [
    ("run", "\"SELECT * FROM t WHERE name = 'fixed'\""),  # a constant query
    ("run_safely", "\"SELECT * FROM t WHERE name = ?\", request.args[\"name\"]"),  # a bound parameter
])
def test_safe_calls_into_another_file_report_nothing(tmp_path: Path, engine: RuleEngine, function: str,
                                                     argument: str):
    assert _findings(tmp_path, _python(function, argument), "shop/views.py", engine) == []


def test_a_module_name_two_files_could_mean_is_not_followed() -> None:
    files = {"a/util.py": "python", "b/util.py": "python", "c/tools/util.py": "python", "Main.java": "java"}
    repository = Repository(files, lambda path: b"")
    assert repository.module_of("python", "util.run") is None  # a/util.py or b/util.py
    assert repository.module_of("python", "tools.util.run") == ("c/tools/util.py", "util", "run")
    assert repository.module_of("python", "c.tools.util.Class.run") == ("c/tools/util.py", "util", "Class.run")
    assert repository.module_of("java", "Main.main") == ("Main.java", "Main", "main")
    assert repository.module_of("python", "os.path.join") is None


def test_a_package_is_its_init_module_and_unreadable_files_keep_the_default(tmp_path: Path) -> None:
    repository = Repository({"pkg/__init__.py": "python", "pkg/mod.py": "python"}, lambda path: b"")
    assert repository.module_of("python", "pkg.helper") == ("pkg/__init__.py", "pkg", "helper")

    def gone(path: str) -> bytes:
        raise FileNotFoundError(path)

    engine = RuleEngine(RuleSet(builtin_rules()))
    spec = engine._taint_spec("python")  # noqa: SLF001
    assert Repository({"pkg/mod.py": "python"}, gone).summary("python", "pkg.mod.run", spec, True) is None


def test_a_callee_file_is_read_once_however_many_of_its_functions_are_asked(engine: RuleEngine) -> None:
    reads: list[str] = []

    def read(path: str) -> bytes:
        reads.append(path)
        return DB.encode()

    repository = Repository({"shop/db.py": "python", "shop/views.py": "python"}, read)
    spec = engine._taint_spec("python")  # noqa: SLF001
    for function in ("run", "run_safely", "missing"):
        repository.summary("python", f"shop.db.{function}", spec, True)
    assert repository.summary("python", "shop.db.run", spec, True) is not None
    assert reads == ["shop/db.py"]
