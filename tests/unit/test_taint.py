"""Taint tracking: flows from sources to sinks through the constructs the engine follows, what
stops them (sanitisers, allow-lists, constants), summaries, the budget, and how findings carry
their path into the reports."""

from __future__ import annotations

import json
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from shoal.scan.agent import FileChecks, analyse_file
from shoal.analysis import parser
from shoal.analysis.taint import analyse
from shoal.analysis.taint.core import Spec
from shoal.config import Thresholds
from shoal.errors import InputError
from shoal.models import Finding, Severity, SourceFile
from shoal.reports import render
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, builtin_rules, parse_rule
from shoal.scan.security import FindingPolicy
from tests.helpers import sarif_validator as pinned_sarif_validator
from tests.unit.test_reports import make_result

SQL = "sql-injection/python-formatted-sql"
CMD = "command-injection/python-os-system"


def scan(code: str, rules: RuleSet | None = None, path: str = "app.py") -> list[Finding]:
    source = textwrap.dedent(code).encode()
    engine = RuleEngine(rules or RuleSet(builtin_rules()))
    findings, diagnostics = engine.run("python", parser.parse(source, "python"), source, path)
    assert not diagnostics, diagnostics
    return findings


def flows(code: str, rule: str = SQL) -> list[int]:
    """Lines of error/warning findings of `rule` (the flows; notes are bare pattern matches)."""
    return sorted(f.location.start_line for f in scan(code) if f.rule_id == rule and f.severity != Severity.NOTE)


HEAD = """\
from flask import request
from django.db import connection
ALLOWED = ("a", "b")
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # assignment, re-assignment, augmented assignment
        ("q = request.args['x']\nq = 'SELECT ' + q\nq += ' LIMIT 1'\ncursor.execute(q)", True),
        # % formatting, str.format, f-string
        ("cursor.execute('SELECT %s' % request.args['x'])", True),
        ("cursor.execute('SELECT {}'.format(request.args['x']))", True),
        ("x = request.args['x']\ncursor.execute(f'SELECT {x}')", True),
        # tuple assignment and a conditional expression
        ("a, b = 'SELECT 1', request.args['x']\ncursor.execute(b)", True),
        ("a, b = 'SELECT 1', request.args['x']\ncursor.execute(a)", False),
        ("x = request.args['x'] if flag else 'SELECT 1'\ncursor.execute(x)", True),
        # loops and containers
        ("items = []\nfor v in request.args.getlist('v'):\n    items.append(v)\ncursor.execute(' '.join(items))", True),
        ("d = {}\nd['k'] = request.args['x']\ncursor.execute(d['k'])", True),
        ("d = {'k': 'SELECT 1'}\nd['j'] = request.args['x']\ncursor.execute(d['k'])", False),
        # a constant dict looked up with request data gives one of its values, or the default
        ("t = {'a': 't_a'}.get(request.args['x'])\ncursor.execute('SELECT * FROM ' + t)", False),
        ("TABLES = {'a': 't_a'}\nt = TABLES.get(request.args['x'], request.args['y'])\ncursor.execute('SELECT * FROM ' + t)", True),
        # branches: both arms joined; a branch that folds to false is not taken
        ("if flag:\n    x = request.args['x']\nelse:\n    x = 'SELECT 1'\ncursor.execute(x)", True),
        ("x = 'SELECT 1'\nif False:\n    x = request.args['x']\ncursor.execute(x)", False),
        # sanitised, checked, converted, constant
        ("x = request.args['x']\nif x not in ALLOWED:\n    return\ncursor.execute('SELECT ' + x)", False),
        ("x = int(request.args['x'])\ncursor.execute(f'SELECT {x}')", False),
        ("x = request.args['x']\ncursor.execute('SELECT %s', [x])", False),
        ("cursor.execute('SELECT ' + 'a' + str(1))", False),
        # a lookup gives what the container holds, not the key it was asked for
        ("v = store.get(request.args['k'])\ncursor.execute(v)", False),
        ("v = request.args.get('k')\ncursor.execute(v)", True),
        # what a sink returns is new data: rows, not the query that asked for them
        ("rows = cursor.execute('SELECT %s' % request.args['x'])\ncursor.execute(rows)", True),
        ("rows = cursor.execute('SELECT 1', [request.args['x']])\ncursor.execute(rows.fetchone())", False),
        # a re-assignment with a constant replaces the tainted value
        ("x = request.args['x']\nx = 'SELECT 1'\ncursor.execute(x)", False),
    ],
)
def test_flows_through_python_constructs(body: str, expected: bool) -> None:
    code = HEAD + "def view(cursor, flag, store):\n" + textwrap.indent(body, "    ") + "\n"
    lines = flows(code)
    assert bool(lines) == expected, (body, lines)


def test_helpers_summaries_carry_values_through_calls_and_into_sinks() -> None:
    code = HEAD + textwrap.dedent("""\
        class Repo:
            def where(self, value):
                return "WHERE x = '" + value + "'"
            def run(self, cursor, sql):
                cursor.execute(sql)
            def find(self, cursor):
                self.run(cursor, "SELECT * FROM t " + self.where(request.args["x"]))
            def safe(self, cursor):
                self.run(cursor, "SELECT 1")
        """)
    findings = [f for f in scan(code) if f.rule_id == SQL and f.severity == Severity.ERROR]
    assert [f.location.start_line for f in findings] == [8]  # the sink, inside run()
    messages = [s.message for s in findings[0].steps]
    assert messages[0].startswith("source:") and messages[-1].startswith("sink:")
    assert "passed to Repo.where()" in messages and "returned from Repo.where()" in messages
    assert "passed to Repo.run()" in messages
    assert findings[0].steps[0].line == 10


def test_summaries_say_which_parameters_reach_the_return_value_and_sinks() -> None:
    source = (HEAD + "def build(a, b):\n    return 'SELECT ' + a\n"
              "def run(cursor, sql):\n    cursor.execute(sql)\n"
              "def view(cursor):\n    run(cursor, build(request.args['x'], 1))\n").encode()
    engine = RuleEngine(RuleSet(builtin_rules()))
    summaries: list[dict] = []
    engine.run_with_metrics("python", parser.parse(source, "python"), source, "m.py", summaries)
    by_name = {s["function"]: s for s in summaries}
    assert by_name["build"]["returns"] == ["a"] and by_name["build"]["sinks"] == []
    assert by_name["run"]["sinks"] == [{"param": "sql", "rule": SQL, "line": 7}]


def test_a_source_named_only_in_a_docstring_or_a_comment_starts_no_analysis() -> None:
    """`input` or `request.GET` in prose reads nothing: such a function is analysed only as a
    callee of one whose code reads a source (so it gets no summary here), never on its own."""
    source = (HEAD + 'def build(a):\n    """Quote the input; see request.GET."""\n    # input() is never called\n'
              '    return "SELECT " + a\n'
              "def run(cursor, sql):\n    cursor.execute(sql)\n"
              "def view(cursor):\n    run(cursor, request.args['x'])\n").encode()
    engine = RuleEngine(RuleSet(builtin_rules()))
    summaries: list[dict] = []
    findings, _, _ = engine.run_with_metrics("python", parser.parse(source, "python"), source, "m.py", summaries)
    assert sorted(s["function"] for s in summaries) == ["run"]
    assert [(f.location.start_line, f.severity) for f in findings if f.rule_id == SQL] == [(9, Severity.ERROR)]


def test_a_note_keeps_its_proof_of_safety_whatever_names_a_source() -> None:
    """The functions that may prove a note harmless are chosen as they always were: one whose
    text names a source (here only its docstring) is analysed, and its constant SQL is no note;
    the same sink built from a parameter stays a note."""
    code = HEAD + textwrap.dedent('''\
        def setup(cursor, flag):
            """Reads no request input."""
            cursor.execute("SET x = " + ("1" if flag else "2"))
            cursor.execute("SET y = %s" % flag)
        ''')
    found = [(f.location.start_line, f.severity) for f in scan(code) if f.rule_id == SQL]
    assert found == [(7, Severity.NOTE)]


def test_a_query_match_without_a_source_is_a_note_and_a_constant_is_nothing() -> None:
    code = """\
        def report(cursor, day):
            cursor.execute("SELECT * FROM visits WHERE day = '%s'" % day)
            cursor.execute("SELECT * FROM visits")
        """
    found = [f for f in scan(code) if f.rule_id == SQL]
    assert [(f.location.start_line, f.severity) for f in found] == [(2, Severity.NOTE)]


def test_a_note_goes_where_data_flow_proves_the_sink_harmless() -> None:
    """Sanitised, allow-listed, re-assigned to a constant or in a branch a constant condition
    skips: the pattern matches, but the data flow shows nothing untrusted reaches the sink. A
    parameter of unknown origin (line 18) or request data (line 19) keeps its finding."""
    code = """\
        import os, shlex, subprocess
        from flask import request
        DEBUG_SHELL = False
        SERVICES = {"web", "worker"}

        def handler(extra):
            name = request.args.get("name", "")
            subprocess.run("tar czf out.tgz " + shlex.quote(name), shell=True)
            subprocess.run("convert -resize %d x" % int(name), shell=True)
            if name in SERVICES:
                subprocess.run("systemctl restart " + name, shell=True)
            cmd = "report " + name
            cmd = "report daily"
            os.system(cmd)
            sql = "SELECT * FROM " + "log" + " WHERE day = 1"
            if DEBUG_SHELL:
                os.system(name)
            os.system("echo " + extra)
            os.system(request.args["cmd"])
        """
    found = sorted((f.location.start_line, f.rule_id.split("/")[1], f.severity) for f in scan(code)
                   if f.cwe in ("CWE-78", "CWE-89"))
    assert found == [(18, "python-os-system", Severity.NOTE), (19, "python-os-system", Severity.ERROR)]


def test_environment_and_argv_are_a_lower_severity_source() -> None:
    code = """\
        import os, sys
        def main():
            os.system("convert " + sys.argv[1])
            os.system("ls " + os.environ["HOME"])
        """
    found = [f for f in scan(code) if f.rule_id == CMD]
    assert [(f.location.start_line, f.severity) for f in found] == [(3, Severity.WARNING), (4, Severity.WARNING)]
    assert dict(found[0].properties)["source_kind"] == "local"


def test_imports_are_resolved_so_an_alias_is_still_the_sink() -> None:
    code = """\
        from os import system as run_it
        from flask import request as req
        def view():
            run_it("ping " + req.args["host"])
        """
    assert [f.location.start_line for f in scan(code) if f.rule_id == CMD] == [4]


USER_RULE = """\
id: house/python-audit-log
name: HouseAuditLog
severity: error
confidence: high
mode: taint
message: "request data reaches {sink}()"
languages: [python]
sources:
  - {pattern: "myframework.params.*", label: framework parameter}
sinks:
  - {pattern: "audit.write", class: command, args: [1]}
sanitizers:
  - {pattern: "audit.clean"}
"""


def test_users_add_sources_sinks_and_sanitisers_in_their_own_rules() -> None:
    import yaml

    rule = parse_rule(yaml.safe_load(USER_RULE), "rules/audit.yaml")
    code = """\
        import audit
        from myframework import params
        def handler(extra):
            audit.write("event", params.name)
            audit.write(params.name, "event")
            audit.write("event", audit.clean(params.name))
        """
    found = scan(code, RuleSet((*builtin_rules(), rule)))
    assert [f.location.start_line for f in found if f.rule_id == rule.id] == [4]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"sinks": [{"pattern": "a..b", "class": "sql"}]}, "sinks"),
        ({"sinks": [{"pattern": "a.b", "class": "telepathy"}]}, "sinks/0/class"),
        ({"sinks": []}, "sinks"),
        ({"mode": "search"}, "sinks"),
        ({"sources": [{"pattern": "a", "decorator": "b"}]}, "sources/0"),
    ],
)
def test_a_broken_taint_rule_is_refused_saying_where(change: dict, error: str) -> None:
    import yaml

    data = {**yaml.safe_load(USER_RULE), **change}
    with pytest.raises(RuleError) as raised:
        parse_rule(data, "rules/audit.yaml")
    assert "rules/audit.yaml" in str(raised.value)
    assert isinstance(raised.value, InputError)


def test_a_bad_name_pattern_in_a_built_in_style_load_says_what_is_wrong() -> None:
    import yaml

    data = {**yaml.safe_load(USER_RULE), "sinks": [{"pattern": "audit..write", "class": "sql"}]}
    with pytest.raises(RuleError, match="invalid taint entry.*segment"):
        parse_rule(data, "rules/audit.yaml", built_in=True)


# --- bounded -----------------------------------------------------------------------------------


def _spec() -> Spec:
    rules = [r.taint for r in builtin_rules() if r.mode == "taint" and "python" in r.languages]
    models = [r.taint for r in builtin_rules() if r.mode == "taint-model" and "python" in r.languages]
    return Spec(rules, models)


def test_a_function_of_20000_statements_is_reported_as_over_budget_and_the_rest_is_analysed() -> None:
    lines = ["from flask import request", "def huge(cursor):"]
    lines += [f"    v{i} = request.args['a'] + str({i})" for i in range(20_000)]
    lines += ["    cursor.execute(v1)", "def small(cursor):", "    cursor.execute(request.args['q'])"]
    source = "\n".join(lines).encode()
    tree = parser.parse(source, "python")
    started = time.monotonic()
    result = analyse("python", tree, source, "big.py", _spec())
    elapsed = time.monotonic() - started
    assert [d for d in result.diagnostics if "budget" in d] == [
        "big.py:2: data flow not analysed: budget (function huge)"]
    assert [h.start[0] for h in result.hits] == [20_005]  # small() still analysed
    assert elapsed < 60, elapsed  # a hang, not speed: the budget stops it; shared CI machines are slow


def test_deeply_nested_expressions_are_a_diagnostic_not_a_crash() -> None:
    nested = "(" * 400 + "request.args['q']" + ")" * 400
    concat = " + ".join(["request.args['q']"] * 3000)
    source = (f"from flask import request\ndef deep(cursor):\n    cursor.execute({nested})\n"
              f"def long(cursor):\n    cursor.execute({concat})\n"
              "def fine(cursor):\n    cursor.execute(request.args['q'])\n").encode()
    tree = parser.parse(source, "python")
    result = analyse("python", tree, source, "deep.py", _spec())
    assert any("deep.py:2: data flow not analysed: nesting" in d for d in result.diagnostics), result.diagnostics
    assert 7 in [h.start[0] for h in result.hits]


def test_the_agent_reports_an_over_budget_function_as_a_diagnostic(tmp_path: Path) -> None:
    lines = ["from flask import request", "def huge(cursor):"]
    lines += [f"    cursor.execute('SELECT %s', [request.args['{i}']])" for i in range(20_000)]
    (tmp_path / "big.py").write_text("\n".join(lines) + "\n")
    checks = FileChecks(Thresholds(), RuleEngine(RuleSet(builtin_rules())), FindingPolicy())
    _, findings, diagnostics = analyse_file(tmp_path, SourceFile("big.py", "python", 1), checks)
    assert "big.py:2: data flow not analysed: budget (function huge)" in diagnostics


# --- reports -----------------------------------------------------------------------------------

FLOW_CODE = HEAD + """\
def view(cursor):
    name = request.args.get("n")
    query = "SELECT * FROM t WHERE n = '%s'" % name
    cursor.execute(query)
"""


def _flow_finding() -> Finding:
    found = [f for f in scan(FLOW_CODE, path="src/app.py") if f.rule_id == SQL]
    assert len(found) == 1 and found[0].severity == Severity.ERROR
    return found[0]


def test_a_flow_finding_keeps_its_steps_from_source_to_sink() -> None:
    finding = _flow_finding()
    assert [(s.line, s.message.split(":")[0]) for s in finding.steps] == [
        (5, "source"), (5, 'name = request.args.get("n")'),
        (6, "query = \"SELECT * FROM t WHERE n = '%s'\" % name"), (7, "sink")]
    assert all(s.path == "src/app.py" for s in finding.steps)
    assert "(from Flask request data, line 5)" in finding.message


def test_a_flow_into_a_views_return_or_a_write_is_worded_as_no_call() -> None:
    # The sink step of a return or a write names no function: the message must not read
    # "reaches returned as the response()".
    returned = scan("""\
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/hi")
        def hi():
            return "<h1>" + request.args.get("name", "") + "</h1>"
        """)
    stored = scan("""\
        from flask import request, session
        def keep():
            session["user"] = request.args.get("user")
        """)
    messages = [f.message for f in returned + stored if f.rule_id.startswith(("xss/", "trust-boundary/"))]
    assert len(messages) == 2 and not any("()" in m for m in messages), messages
    assert messages[0].startswith("untrusted data reaches the response the view returns unescaped"), messages
    assert messages[1].startswith("untrusted data is stored in the session (flask.session),"), messages


def test_sarif_has_the_code_flow_and_stays_valid() -> None:
    finding = _flow_finding()
    result = make_result(findings=(*make_result().findings, finding))
    document = json.loads(render(result, "sarif"))
    validator: jsonschema.protocols.Validator = pinned_sarif_validator()
    errors = list(validator.iter_errors(document))
    assert not errors, errors[0].message
    flowing = [r for r in document["runs"][0]["results"] if "codeFlows" in r]
    assert len(flowing) == 1
    locations = flowing[0]["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [loc["location"]["physicalLocation"]["region"]["startLine"] for loc in locations] == [5, 5, 6, 7]
    assert locations[0]["location"]["message"]["text"] == "source: Flask request data"


def test_findings_json_carries_the_steps_and_reads_them_back() -> None:
    finding = _flow_finding()
    result = make_result(findings=(finding,))
    document = json.loads(render(result, "json"))
    assert document["findings"][0]["steps"][0] == {"path": "src/app.py", "line": 5, "column": 12,
                                                   "message": "source: Flask request data"}
    assert Finding.from_dict(document["findings"][0]) == finding
    assert "steps" not in make_result().findings[0].to_dict()  # other findings keep their form


def test_summary_md_names_the_source_and_sink_lines() -> None:
    result = make_result(findings=(_flow_finding(),))
    text = render(result, "md").decode()
    assert "source src/app.py:5, sink src/app.py:7 (4 steps)" in text


def test_a_flow_keeps_its_fingerprint_when_unrelated_lines_move(tmp_path: Path) -> None:
    checks = FileChecks(Thresholds(), RuleEngine(RuleSet(builtin_rules())), FindingPolicy())

    def fingerprints(code: str) -> list[str]:
        (tmp_path / "app.py").write_text(code)
        _, found, _ = analyse_file(tmp_path, SourceFile("app.py", "python", len(code)), checks)
        return [f.fingerprint for f in found if f.rule_id == SQL]

    before = fingerprints(FLOW_CODE)
    after = fingerprints("import os\n\n\n" + FLOW_CODE.replace("def view", "# moved\ndef view"))
    assert before and before == after


def test_reports_with_flows_are_byte_identical_across_runs() -> None:
    result = make_result(findings=(_flow_finding(),))
    assert render(result, "sarif") == render(replace(result), "sarif")


# --- Java ----------------------------------------------------------------------------------------

JAVA = """\
import java.sql.Statement;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;

class Repo {
    private static final Set<String> COLUMNS = Set.of("id", "name");
    private Statement st;

    private String where(String value) { return " WHERE name = '" + value + "'"; }

    void find(HttpServletRequest request, @RequestParam String sort, @RequestParam int size) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT * FROM t");
        sql.append(where(request.getParameter("n")));
        st.executeQuery(sql.toString());
        st.executeQuery("SELECT * FROM t ORDER BY " + sort);
        if (COLUMNS.contains(sort)) {
            st.executeQuery("SELECT * FROM t ORDER BY " + sort);
        }
        st.executeQuery("SELECT * FROM t LIMIT " + Integer.parseInt(request.getParameter("l")));
        st.executeQuery("SELECT * FROM t LIMIT " + size);
    }
}
"""


def test_java_flows_through_builders_helpers_and_spring_parameters() -> None:
    source = JAVA.encode()
    engine = RuleEngine(RuleSet(builtin_rules()))
    findings, diagnostics = engine.run("java", parser.parse(source, "java"), source, "Repo.java")
    assert not diagnostics
    rule = "sql-injection/java-sql-string-building"
    flows = [f for f in findings if f.rule_id == rule and f.severity == Severity.ERROR]
    assert [f.location.start_line for f in flows] == [15, 16]
    assert [s.message for s in flows[0].steps][-1] == "sink: java.sql.Statement.executeQuery()"
    assert "returned from Repo.where()" in [s.message for s in flows[0].steps]


def test_views_routed_in_the_module_and_view_returns_are_followed() -> None:
    """A Django view's URL parameters are request data when the module routes it; text a Flask
    view returns is its HTML response, a dict it returns is JSON; a checked URL part checks the URL."""
    code = """\
        import os
        from urllib.parse import urlparse
        from django.urls import path
        from flask import Flask, request, redirect
        app = Flask(__name__)
        HOSTS = {"a.example"}

        def restart(request, service):
            os.system("systemctl restart " + service)

        def helper(request, service):
            os.system("systemctl restart " + service)

        @app.route("/q")
        def search():
            term = request.args.get("q", "")
            if term == "json":
                return {"q": term}
            target = request.args["next"]
            if urlparse(target).hostname in HOSTS:
                redirect(target)
            return "<p>" + term + "</p>"

        urlpatterns = [path("restart/<service>/", restart)]
        """
    found = sorted((f.location.start_line, f.rule_id.split("/")[1]) for f in scan(code) if f.severity != Severity.NOTE)
    assert found == [(9, "python-os-system"), (22, "python-tainted-response")]


@pytest.mark.parametrize(
    ("code", "takes"),
    [
        # a source named in a docstring only, no decorator or annotation a source ends with
        ('def f(x):\n    """Reads request.GET."""\n    @property\n    def g(self): pass\n    cursor.execute(x)\n', False),
        ("@app.route('/u/<name>')\ndef f(name):\n    cursor.execute(name)\n", True),
        ("@router.get('/u')\nasync def f(name: str):\n    cursor.execute(name)\n", True),
        # an annotation is no source here (only what a parameter source ends with counts)
        ("def f(request: Request):\n    cursor.execute(request)\n", False),
        ("from django.urls import path\ndef f(request, name):\n    pass\nurlpatterns = [path('u/<name>/', f)]\n", True),
    ],
)
def test_a_file_with_no_source_in_its_code_is_passed_over_only_when_no_parameter_can_be_one(
    code: str, takes: bool,
) -> None:
    """The cheap test that lets taint skip building a file's functions is never wrong the unsafe
    way: whatever makes a parameter a source (a route's decorator, a request annotation, a routed
    Django view) keeps the file in."""
    from shoal.analysis.taint import _adapter

    source = code.encode()
    root = parser.parse(source, "python").root_node
    functions = [n for n in parser.captures("python", root).get("function", []) if n.type == "function_definition"]
    spec = RuleEngine(RuleSet(builtin_rules()))._taint_spec("python")
    assert _adapter("python").may_take_sources(root, functions, spec) is takes


def test_a_flow_into_a_routed_parameter_is_still_found_when_no_function_names_a_source() -> None:
    code = """\
    from flask import Flask
    app = Flask(__name__)
    @app.route("/run/<cmd>")
    def run(cmd):
        import os
        os.system("ls " + cmd)
    """
    assert flows(code, CMD) == [6]
