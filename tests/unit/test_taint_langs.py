"""Taint tracking in Go, PHP and Ruby: sources reaching sinks through variables, helpers,
containers and branches; what stops them (sanitisers, allow-lists, constants, number
conversion); the sink conditions the three need (typed arguments, receivers, call text); the
budget; and bad rule data refused with a clear error."""

from __future__ import annotations

import textwrap
import time

import pytest
import yaml
from shoal.analysis import parser
from shoal.analysis.taint import analyse
from shoal.analysis.taint.core import Spec
from shoal.errors import InputError
from shoal.models import Finding, Severity
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, builtin_rules, parse_rule

GO_SQL = "sql-injection/go-sql-string-building"
GO_CMD = "command-injection/go-exec-shell"
GO_XSS = "xss/go-response-xss"
PHP_SQL = "sql-injection/php-concatenated-sql"
PHP_CMD = "command-injection/php-shell-exec"
PHP_XSS = "xss/php-echo-request-data"
PHP_PATH = "path-traversal/php-tainted-path"
PHP_REDIRECT = "redirect/php-open-redirect"
PHP_DESER = "deserialization/php-unserialize"
RB_SQL = "sql-injection/ruby-interpolated-sql"
RB_CMD = "command-injection/ruby-shell-command"
RB_XSS = "xss/ruby-unescaped-output"

_ENGINE = RuleEngine(RuleSet(builtin_rules()))
_EXT = {"go": "go", "php": "php", "ruby": "rb"}


def scan(language: str, code: str) -> list[Finding]:
    source = textwrap.dedent(code).encode()
    findings, diagnostics = _ENGINE.run(language, parser.parse(source, language), source, f"app.{_EXT[language]}")
    assert not diagnostics, diagnostics
    return findings


def flows(language: str, code: str, rule: str) -> list[int]:
    """Lines of the flows of `rule` (errors and warnings; a bare pattern match is a note)."""
    return sorted(f.location.start_line for f in scan(language, code)
                  if f.rule_id == rule and f.severity != Severity.NOTE)


def _spec(language: str) -> Spec:
    rules = [r.taint for r in builtin_rules() if r.mode == "taint" and language in r.languages]
    models = [r.taint for r in builtin_rules() if r.mode == "taint-model" and language in r.languages]
    return Spec(rules, models)


# --- Go ----------------------------------------------------------------------------------------

GO_HEAD = """\
package app

import (
\t"database/sql"
\t"fmt"
\t"net/http"
\t"os"
\t"os/exec"
\t"strconv"
\t"strings"
)

var allowed = []string{"name", "date"}

func handle(w http.ResponseWriter, r *http.Request, db *sql.DB) {
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a variable, re-assigned and augmented
        ('q := "SELECT " + r.FormValue("x")\n\tq += " LIMIT 1"\n\tdb.Query(q)', True),
        # fmt.Sprintf, strings.Join of a slice appended to, a map literal read back
        ('db.Query(fmt.Sprintf("SELECT %s", r.URL.Query().Get("x")))', True),
        ('p := []string{"SELECT"}\n\tp = append(p, r.Header.Get("X"))\n\tdb.Query(strings.Join(p, " "))', True),
        ('m := map[string]string{"k": r.FormValue("x")}\n\tdb.Query("SELECT " + m["k"])', True),
        # strings.Builder writes go into the builder
        ('var b strings.Builder\n\tb.WriteString(r.FormValue("x"))\n\tdb.Query(b.String())', True),
        # v, err := f(): the value comes with the call
        ('v, err := r.Cookie("c")\n\t_ = err\n\tdb.Query("SELECT " + v.Value)', True),
        # constants: literals, folded concatenation, a constant map read with a constant key
        ('q := "SELECT " + "1"\n\tdb.Query(q)', False),
        ('m := map[string]string{"k": "id"}\n\tdb.Query("SELECT " + m["k"])', False),
        # number parsing, an allow-list and a comparison with a constant clean the value
        ('n, _ := strconv.Atoi(r.FormValue("n"))\n\tdb.Query("SELECT " + strconv.Itoa(n))', False),
        ('c := r.FormValue("c")\n\tfor _, a := range allowed {\n\t\tif c == a {\n\t\t\tdb.Query("SELECT " + c)\n\t\t}\n\t}', False),
        ('c := r.FormValue("c")\n\tif c != "name" {\n\t\treturn\n\t}\n\tdb.Query("SELECT " + c)', False),
        # a branch whose condition folds to a constant is the only one taken
        ('c := "id"\n\tif false {\n\t\tc = r.FormValue("c")\n\t}\n\tdb.Query("SELECT " + c)', False),
        # parameters are placeholders: the SQL text is constant
        ('db.Query("SELECT * FROM t WHERE a = $1", r.FormValue("a"))', False),
    ],
)
def test_go_flows_through_variables_containers_and_branches(body: str, expected: bool) -> None:
    code = GO_HEAD + "\t" + body + "\n}\n"
    assert bool(flows("go", code, GO_SQL)) is expected, code


def test_go_helpers_methods_and_handler_literals_are_followed() -> None:
    code = """\
        package app

        import (
        \t"net/http"
        \t"os/exec"
        )

        type Server struct{}

        func command(host string) string { return "ping -c 1 " + host }

        func (s *Server) run(line string) { exec.Command("sh", "-c", line).Run() }

        func (s *Server) Ping(w http.ResponseWriter, r *http.Request) {
        \ts.run(command(r.FormValue("host")))
        \ts.run(command("localhost"))
        }

        func Routes() {
        \thttp.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
        \t\texec.Command(r.URL.Path).Run()
        \t})
        }
        """
    found = [f for f in scan("go", code) if f.rule_id == GO_CMD and f.severity != Severity.NOTE]
    assert sorted(f.location.start_line for f in found) == [12, 21]
    through = next(f for f in found if f.location.start_line == 12)
    assert [s.message for s in through.steps][:3] == [
        "source: form value", "passed to command()", "returned from command()"]


def test_go_fprintf_is_a_sink_only_into_a_response_writer() -> None:
    code = """\
        package app

        import (
        \t"fmt"
        \t"net/http"
        \t"os"
        )

        func h(w http.ResponseWriter, r *http.Request) {
        \tname := r.FormValue("name")
        \tfmt.Fprintf(w, "<p>%s</p>", name)
        \tfmt.Fprintf(os.Stderr, "saw %s", name)
        }
        """
    assert flows("go", code, GO_XSS) == [11]


def test_go_environment_is_a_lower_severity_source() -> None:
    code = GO_HEAD + '\texec.Command("sh", "-c", os.Getenv("X")).Run()\n}\n'
    found = [f for f in scan("go", code) if f.rule_id == GO_CMD and f.severity != Severity.NOTE]
    assert [(f.severity, dict(f.properties)["source_kind"]) for f in found] == [(Severity.WARNING, "local")]


def test_go_summaries_say_which_parameters_reach_the_result_and_sinks() -> None:
    code = textwrap.dedent("""\
        package app

        import (
        \t"net/http"
        \t"os/exec"
        )

        func wrap(a, b string) string { return "x" + b }

        func run(c string) { exec.Command(c).Run() }

        func h(w http.ResponseWriter, r *http.Request) { run(wrap("a", r.FormValue("q"))) }
        """).encode()
    result = analyse("go", parser.parse(code, "go"), code, "a.go", _spec("go"))
    by_name = {s["function"]: s for s in result.summaries}
    assert by_name["wrap"]["returns"] == ["b"]
    assert by_name["run"]["sinks"] == [{"param": "c", "rule": GO_CMD, "line": 10}]
    assert [h.start[0] for h in result.hits] == [10]


# --- PHP ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the top level of a script, through a variable, .= and interpolation
        ("$id = $_GET['id'];\n$q = \"SELECT * FROM t WHERE id = $id\";\n$q .= ' LIMIT 1';\nmysqli_query($c, $q);", True),
        # arrays written and read back, list() destructuring, array_push
        ("$a = [];\n$a[] = $_POST['x'];\nmysqli_query($c, 'SELECT ' . $a[0]);", True),
        ("[$x, $y] = [$_COOKIE['x'], 2];\nmysqli_query($c, 'SELECT ' . $x);", True),
        ("$p = ['SELECT'];\narray_push($p, $_GET['x']);\nmysqli_query($c, implode(' ', $p));", True),
        # a conditional expression and ?? keep the request data
        ("$s = $_GET['s'] ?? 'id';\nmysqli_query($c, 'SELECT ' . $s);", True),
        # casts, intval, an allow-list, a switch over constants, a constant array
        ("$n = (int) $_GET['n'];\nmysqli_query($c, 'SELECT ' . $n);", False),
        ("$n = intval($_GET['n']);\nmysqli_query($c, 'SELECT ' . $n);", False),
        ("$s = $_GET['s'];\nif (in_array($s, ['a', 'b'], true)) { mysqli_query($c, 'SELECT ' . $s); }", False),
        ("$s = $_GET['s'];\nswitch ($s) { case 'a': mysqli_query($c, 'SELECT ' . $s); break; }", False),
        ("$m = ['k' => 'id'];\nmysqli_query($c, 'SELECT ' . $m['k']);", False),
        ("$q = mysqli_real_escape_string($c, $_GET['q']);\nmysqli_query($c, \"SELECT '$q'\");", False),
    ],
)
def test_php_flows_at_the_top_level_of_a_script(body: str, expected: bool) -> None:
    assert bool(flows("php", "<?php\n" + body + "\n", PHP_SQL)) is expected, body


def test_php_language_constructs_are_sinks_by_their_names() -> None:
    code = """\
        <p><?= $_GET['q'] ?></p>
        <?php
        echo "Hello " . $_POST['name'];
        print htmlspecialchars($_POST['name']);
        $out = `ls {$_GET['dir']}`;
        include 'pages/' . $_GET['page'] . '.php';
        header('Location: ' . $_GET['next']);
        header('X-Trace: ' . $_GET['next']);
        unserialize($_COOKIE['cart']);
        unserialize($_COOKIE['cart'], ['allowed_classes' => false]);
        """
    found = {(f.rule_id, f.location.start_line) for f in scan("php", code) if f.severity != Severity.NOTE}
    assert found == {(PHP_XSS, 1), (PHP_XSS, 3), (PHP_CMD, 5), (PHP_PATH, 6), (PHP_REDIRECT, 7), (PHP_DESER, 9)}


def test_php_methods_of_the_same_class_and_typed_laravel_requests() -> None:
    code = """\
        <?php
        use Illuminate\\Http\\Request;
        class Users {
            private function clause(string $column) { return "ORDER BY " . $column; }
            private function page(int $n) { return "LIMIT " . $n; }
            public function index(Request $request, \\PDO $pdo) {
                $pdo->query("SELECT * FROM u " . $this->clause($request->input('sort')));
                $pdo->query("SELECT * FROM u " . $this->page($request->input('page')));
                $pdo->query("SELECT * FROM u " . self::clause('name'));
            }
        }
        """
    assert flows("php", code, PHP_SQL) == [7]


# --- Ruby --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # interpolation, +, << and a helper whose last expression is its value
        ('name = params[:name]\n    User.where("name = \'#{name}\'")', True),
        ('q = "SELECT "\n    q << cookies[:c]\n    User.find_by_sql(q)', True),
        ("User.where(clause(params[:c]))", True),
        # a block parameter holds what its receiver holds
        ('params[:ids].each { |i| User.where("id = #{i}") }', True),
        # a hash written and read back, a conditional
        ('h = { c: params[:c] }\n    User.where("a = #{h[:c]}")', True),
        ('s = params[:s] ? params[:s] : "id"\n    User.order("#{s} ASC")', True),
        # keyword arguments are Rails conditions it quotes itself; bind parameters
        ("User.where(name: params[:name])", False),
        ('User.where("name = ?", params[:name])', False),
        # number conversion, an allow-list, a predicate, a constant helper result
        ('User.where("id = #{params[:id].to_i}")', False),
        ('s = params[:s]\n    User.order("#{s} ASC") if %w[a b].include?(s)', False),
        ('User.where("flag = #{params[:f].present?}")', False),
        ('User.where(clause("name"))', False),
    ],
)
def test_ruby_flows_through_rails_controllers(body: str, expected: bool) -> None:
    code = f"class C < ApplicationController\n  def show\n    {body}\n  end\n\n  def clause(c)\n    \"#{{c}} = 1\"\n  end\nend\n"
    assert bool(flows("ruby", code, RB_SQL)) is expected, code


def test_ruby_receivers_and_keyword_arguments_can_be_sinks() -> None:
    code = """\
        class C < ApplicationController
          def show
            render html: "<b>#{params[:q]}</b>".html_safe
            render plain: params[:q]
            system("ls #{params[:dir]}")
            out = `cat #{params[:file]}`
            system("ls", Shellwords.escape(params[:dir]))
          end
        end
        """
    found = {(f.rule_id, f.location.start_line) for f in scan("ruby", code) if f.severity != Severity.NOTE}
    assert found == {(RB_XSS, 3), (RB_CMD, 5), (RB_CMD, 6)}


# --- shared: budget, bad rule data, cheap filters ------------------------------------------------


def test_a_go_function_of_20000_statements_is_over_budget_and_the_rest_is_analysed() -> None:
    lines = ["package app", 'import ("net/http"; "os/exec")', "func huge(r *http.Request) {"]
    lines += [f'\tv{i} := r.FormValue("a") + "{i}"' for i in range(20_000)]
    lines += ["\texec.Command(v1).Run()", "}", "func small(r *http.Request) {", '\texec.Command(r.FormValue("q")).Run()', "}"]
    source = "\n".join(lines).encode()
    started = time.monotonic()
    result = analyse("go", parser.parse(source, "go"), source, "big.go", _spec("go"))
    assert [d for d in result.diagnostics if "budget" in d] == ["big.go:3: data flow not analysed: budget (function huge)"]
    assert [h.start[0] for h in result.hits] == [20_007]
    assert time.monotonic() - started < 60  # a hang, not speed: the budget stops it


@pytest.mark.parametrize(("language", "code"), [
    ("php", "<?php\nfunction f() { mysqli_query($c, " + "(" * 400 + "$_GET['q']" + ")" * 400 + "); }\n"),
    ("ruby", "def f\n  system(" + "(" * 400 + "params[:q]" + ")" * 400 + ")\nend\n"),
])
def test_deeply_nested_expressions_are_a_diagnostic_not_a_crash(language: str, code: str) -> None:
    source = code.encode()
    result = analyse(language, parser.parse(source, language), source, "deep", _spec(language))
    assert any("data flow not analysed: nesting" in d for d in result.diagnostics), result.diagnostics


RULE = """\
id: audit/go-audit
name: GoAudit
severity: error
confidence: high
mode: taint
message: "audit"
languages: [go]
sinks:
  - {pattern: audit.Write, class: sql}
"""


@pytest.mark.parametrize(
    ("sink", "error"),
    [
        ({"pattern": "audit.Write", "class": "sql", "arg_types": [{"position": 0, "type": "a..b"}]}, "segment"),
        ({"pattern": "audit.Write", "class": "sql", "arg_types": [{"position": -1, "type": "a.b"}]}, "arg_types"),
        ({"pattern": "audit.Write", "class": "sql", "matches": "(unclosed"}, "RE2"),
        ({"pattern": "audit.Write", "class": "serialisation"}, "class"),
    ],
)
def test_bad_sink_conditions_are_refused_saying_where(sink: dict, error: str) -> None:
    data = {**yaml.safe_load(RULE), "sinks": [sink]}
    with pytest.raises(RuleError, match=error) as raised:
        parse_rule(data, "rules/audit.yaml")
    assert "rules/audit.yaml" in str(raised.value)
    assert isinstance(raised.value, InputError)


def test_superglobals_and_bare_params_pass_the_cheap_file_filters() -> None:
    php, ruby = _spec("php"), _spec("ruby")
    assert php.may_apply(b"<?php\nsystem('ls ' . $_GET['d']);\n")
    assert not php.may_apply(b"<?php\nsystem('ls ' . $GET['d']);\n")  # not a superglobal
    assert ruby.may_apply(b"def f\n  system(params[:d])\nend\n")
    assert not ruby.may_apply(b"def f\n  system(xparams[:d])\nend\n")


@pytest.mark.parametrize(("language", "code", "rule"), [
    ("php", "<p><?= $_GET['q'] ?></p>\n", PHP_XSS),
    ("php", "<?php\nfunction f() { return `ls {$_GET['d']}`; }\n", PHP_CMD),
    ("php", "<?php\ndie('no ' . $_GET['q']);\n", PHP_XSS),
    ("ruby", "def f\n  %x(ls #{params[:d]})\nend\n", RB_CMD),
])
def test_constructs_spelled_without_the_sink_name_are_not_filtered_out(language: str, code: str, rule: str) -> None:
    assert flows(language, code, rule)
