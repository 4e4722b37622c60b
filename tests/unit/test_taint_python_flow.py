"""Python data flow the taint engine follows precisely: conditions of known values fold, a `match`
on a known subject picks its case, `break` carries values out of a loop, lists are followed
element by element, keyed stores (`set(k, v)` / `get(k)`) entry by entry, a `..` check guards a
path, and text built with `+=` and returned by a view is the response. Each case has its unsafe
twin, so a rule that fires everywhere, or nowhere, fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from shoal.config import Thresholds
from shoal.models import Severity, SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.agent import FileChecks, analyse_file
from shoal.scan.security import FindingPolicy

HEAD = "import codecs\nimport flask\nfrom flask import Flask, request\napp = Flask(__name__)\n"


@pytest.fixture(scope="module")
def checks() -> FileChecks:
    return FileChecks(Thresholds(), RuleEngine(RuleSet(builtin_rules())), FindingPolicy())


def _flows(tmp_path: Path, checks: FileChecks, body: str, rule: str) -> list[int]:
    """Lines (from the body's first line, 1) where `rule` reports a flow from a source."""
    (tmp_path / "view.py").write_text(HEAD + body)
    _, findings, _ = analyse_file(tmp_path, SourceFile("view.py", "python", 1), checks)
    offset = HEAD.count("\n")
    return sorted(f.location.start_line - offset for f in findings
                  if f.rule_id == rule and f.severity == Severity.ERROR)


SQL = "sql-injection/python-formatted-sql"
PATH = "path-traversal/python-tainted-path"
CODE = "code-injection/python-eval"


@pytest.mark.parametrize(("condition", "expected"), [("7 * 18 + n > 200", []), ("7 * 18 + n < 200", [5])])
def test_a_condition_of_known_values_folds(tmp_path: Path, checks: FileChecks, condition: str, expected: list[int]) -> None:
    body = (f"def view(cursor):\n    q = request.args.get('q')\n    n = 106\n    x = 'fixed' if {condition} else q\n"
            "    cursor.execute(f\"SELECT * FROM t WHERE a = '{x}'\")\n")
    assert _flows(tmp_path, checks, body, SQL) == expected


@pytest.mark.parametrize(("index", "expected"), [(1, []), (0, [11])])
def test_a_match_on_a_known_subject_runs_only_its_case(tmp_path: Path, checks: FileChecks, index: int, expected: list[int]) -> None:
    body = (f"def view(cursor):\n    q = request.args.get('q')\n    guess = 'ABC'[{index}]\n    match guess:\n"
            "        case 'A':\n            x = q\n        case 'B' | 'Z':\n            x = 'b'\n        case _:\n"
            "            x = q\n    cursor.execute('SELECT ' + x)\n")
    assert _flows(tmp_path, checks, body, SQL) == expected


def test_a_break_carries_the_value_it_leaves_with_out_of_the_loop(tmp_path: Path, checks: FileChecks) -> None:
    body = ("def view(cursor):\n    found = ''\n    for name in request.form.keys():\n        if len(name) > 3:\n"
            "            found = name\n            break\n    cursor.execute('SELECT ' + found)\n")
    assert _flows(tmp_path, checks, body, SQL) == [7]


@pytest.mark.parametrize(("index", "expected"), [(1, []), (0, [8]), (-1, [])])
def test_a_list_is_followed_element_by_element(tmp_path: Path, checks: FileChecks, index: int, expected: list[int]) -> None:
    body = ("def view():\n    q = request.args.get('q')\n    items = []\n    items.append('safe')\n    items.append(q)\n"
            f"    items.pop(0)\n    items.append('tail')\n    eval(items[{index}])\n")
    assert _flows(tmp_path, checks, body, CODE) == expected


@pytest.mark.parametrize(("use", "expected"), [("fill(items)", [5]), ("print(items[0])", []), ("del items[0]", [5]),
                                               ("items[fill()] = q", [5])])
def test_a_list_handed_to_a_call_is_no_longer_known(tmp_path: Path, checks: FileChecks, use: str, expected: list[int]) -> None:
    body = ("def view(fill):\n    q = request.args.get('q')\n    items = ['safe', q]\n"
            f"    {use}\n    eval(items[0])\n")
    # `fill` may have put anything anywhere in the list: only what it holds as a whole is known
    assert _flows(tmp_path, checks, body, CODE) == expected


@pytest.mark.parametrize(("key", "expected"), [("'a'", []), ("'b'", [7])])
def test_a_keyed_store_gives_back_the_entry_asked_for(tmp_path: Path, checks: FileChecks, key: str, expected: list[int]) -> None:
    body = ("import configparser\ndef view():\n    q = request.args.get('q')\n    conf = configparser.ConfigParser()\n"
            f"    conf.set('s', 'a', 'fixed')\n    conf.set('s', 'b', q)\n    eval(conf.get('s', {key}))\n")
    assert _flows(tmp_path, checks, body, CODE) == expected


@pytest.mark.parametrize(("guard", "expected"), [("if '..' in name:\n        return ''\n", []), ("", [3])])
def test_a_check_for_dot_dot_guards_a_path(tmp_path: Path, checks: FileChecks, guard: str, expected: list[int]) -> None:
    body = f"def view():\n    name = request.args.get('name')\n    {guard}    return codecs.open('/srv/' + name).read()\n"
    assert _flows(tmp_path, checks, body, PATH) == expected


@pytest.mark.parametrize(("build", "expected"), [("f'<p>{q}</p>'", [7]), ("'<p>' + str(len(q)) + '</p>'", [])])
def test_text_built_with_plus_equals_and_returned_by_a_view_is_the_response(
        tmp_path: Path, checks: FileChecks, build: str, expected: list[int]) -> None:
    body = ("@app.route('/hello', methods=['POST'])\ndef view():\n    q = request.form.get('q', '')\n    page = ''\n"
            f"    page += ({build})\n    page += 'done'\n    return page\n")
    assert _flows(tmp_path, checks, body, "xss/python-tainted-response") == expected


@pytest.mark.parametrize(("pattern", "expected"), [(r"^(a+)+$", [4]), (r"^a+$", [])])
def test_a_sink_condition_on_the_receiver_reads_the_compiled_pattern(
        tmp_path: Path, checks: FileChecks, pattern: str, expected: list[int]) -> None:
    body = f"import re\ndef view():\n    rx = re.compile(r'{pattern}')\n    return rx.match(request.args['q'])\n"
    (tmp_path / "view.py").write_text(HEAD + body)
    _, findings, _ = analyse_file(tmp_path, SourceFile("view.py", "python", 1), checks)
    lines = sorted(f.location.start_line - HEAD.count("\n") for f in findings if f.rule_id == "redos/python-tainted-regex")
    assert lines == expected


def test_a_receiver_condition_is_read_from_the_rule() -> None:
    from shoal.analysis.taint.spec import RECEIVER_ARG, _conditions

    (condition,) = _conditions([{"arg": "receiver", "matches": "a+"}])
    assert condition.arg == RECEIVER_ARG and condition.matches.search("aaa")


CMD = "command-injection/python-os-system"


@pytest.mark.parametrize(("vector", "expected"), [
    ("['sh', '-c', 'echo ' + q]", [3]),      # a shell's script
    ("['ping', '-c', '1', q]", []),          # an argument of a fixed program: not a command
    ("[q, '--version']", [3]),               # the program itself
    ("shlex.split('whois') + [q]", []),      # a vector of unknown shape says nothing
])
def test_an_argument_vector_is_a_command_by_its_program_and_script(
        tmp_path: Path, checks: FileChecks, vector: str, expected: list[int]) -> None:
    body = f"import shlex, subprocess\ndef view():\n    q = request.args.get('q')\n    subprocess.run({vector})\n"
    assert [line - 1 for line in _flows(tmp_path, checks, body, CMD)] == expected


@pytest.mark.parametrize(("call", "expected"), [
    ("base64.urlsafe_b64decode('alsosafe').decode('utf-8')", []),
    ("base64.urlsafe_b64decode(q).decode('utf-8')", [4]),
    ("urllib.parse.unquote_plus('a+b')", []),
    ("logging.getLogger('a').name", [4]),  # a module's function, but not one of constants alone
])
def test_a_library_function_of_constants_gives_a_constant(
        tmp_path: Path, checks: FileChecks, call: str, expected: list[int]) -> None:
    body = (f"import base64, logging, urllib.parse\ndef view():\n    q = request.args.get('q')\n"
            f"    eval({call})\n")
    (tmp_path / "view.py").write_text(HEAD + body)
    _, findings, _ = analyse_file(tmp_path, SourceFile("view.py", "python", 1), checks)
    # any severity: the note "eval of a value built at run time" goes too once the value is known
    assert sorted(f.location.start_line - HEAD.count("\n") for f in findings if f.rule_id == CODE) == expected
