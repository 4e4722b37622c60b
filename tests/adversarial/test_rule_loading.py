"""A repository's own rules, as a fork's pull request could write them: an alias bomb, oversize
files and folders, deep nesting, regexes built to backtrack forever, regexes RE2 cannot read.
Each is refused quickly with a message naming the file and the limit, or evaluated in linear
time with the right answer. What could hang or eat memory runs in a child process with a
deadline and an address-space limit, so a regression fails the test instead of the machine."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from shoal.rules.registry import RuleError, load_rule_file, load_rules

ROOT = Path(__file__).resolve().parents[2]
CHILD_MEMORY = 1 << 30  # address space of a child: the old loader took 2.5 GB on the bomb below
# A regex Python's re backtracks on for ~2^40 steps (never ends) on ATTACK; RE2 answers at once.
EVIL = r'''^["'](a+)+["']$'''
ATTACK = '"' + "a" * 40 + '!"'
# The documented limits (FILE_LIMIT, MAX_RULES_FOLDER_BYTES, MAX_RULE_FILES).
FILE_LIMIT, FOLDER_LIMIT, FILES_LIMIT = 64 * 1024, 2 * 1024 * 1024, 1000


def alias_bomb() -> str:
    """A rule whose tags expand to 9^9 strings through nested aliases (under 500 bytes)."""
    lines = ["id: test/bomb", "name: Bomb", "severity: error", "confidence: high", "message: m",
             "languages: [python]", "queries: ['(identifier) @finding']", "tags:",
             '  - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"  - &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("  - [" + ",".join(["*h"] * 9) + "]")
    return "\n".join(lines) + "\n"


def run_child(code: str, *args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    """`code` in a fresh interpreter limited to CHILD_MEMORY; its result and wall seconds."""
    prelude = (f"import resource, sys\nresource.setrlimit(resource.RLIMIT_AS, ({CHILD_MEMORY}, {CHILD_MEMORY}))\n"
               f"sys.path.insert(0, {str(ROOT)!r})\n")
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", prelude + code, *args], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child did not finish in {timeout} s")
    return done, time.monotonic() - start


LOAD_AND_MEASURE = textwrap.dedent("""
    import json
    from pathlib import Path
    from shoal.rules.registry import RuleError, load_rules
    from tests.helpers import peak_rss_mb
    try:
        load_rules(Path(sys.argv[1]))
        message = None
    except RuleError as exc:
        message = str(exc)
    print(json.dumps({"message": message, "peak_mb": peak_rss_mb()}))
""")


def rule_yaml(**changes: object) -> str:
    data = {"id": "test/python-string", "name": "TestString", "severity": "warning", "confidence": "high",
            "message": "string {s}", "languages": ["python"],
            "queries": ["((string) @s) @finding"], **changes}
    return yaml.safe_dump(data, sort_keys=False)


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory is read from Linux's /proc/self/status")
def test_an_alias_bomb_is_refused_at_once_in_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_text(alias_bomb())
    assert len(alias_bomb().encode()) < 500
    done, seconds = run_child(LOAD_AND_MEASURE, str(tmp_path))
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"alias bomb: refused in {seconds:.2f} s, child peak RSS {result['peak_mb']:.0f} MB")
    assert result["message"] is not None and "bomb.yaml" in result["message"]
    assert "anchors and aliases" in result["message"] and "line 9" in result["message"]
    assert len(result["message"]) < 300
    assert seconds < 20 and result["peak_mb"] < 150


@pytest.mark.skipif(sys.platform != "linux", reason="the child's memory is limited with setrlimit")
def test_a_scan_of_a_repository_whose_rules_folder_holds_a_bomb_stops_with_a_clear_error(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    (repo / ".shoal.toml").write_text('[rules]\nfolder = "rules"\n')
    (repo / "rules" / "bomb.yaml").write_text(alias_bomb())
    (repo / "app.py").write_text("print(1)\n")
    code = "from shoal.cli import main; sys.exit(main(sys.argv[1:]))"
    done, seconds = run_child(code, "scan", str(repo), "--workspace", str(tmp_path / "ws"), "--workers", "1",
                              timeout=120)
    assert done.returncode == 2, (done.stdout[-1000:], done.stderr[-2000:])
    assert "rules/bomb.yaml" in done.stderr and "anchors and aliases" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr) < 2000
    print(f"scan with the bomb refused in {seconds:.2f} s")


def test_a_rule_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: 200 MB that no one should read
    for load in (lambda: load_rules(tmp_path), lambda: load_rule_file(big)):
        start = time.monotonic()
        with pytest.raises(RuleError) as caught:
            load()
        assert time.monotonic() - start < 1
        message = str(caught.value)
        assert "big.yaml" in message and "over 64 KiB" in message and str(200 * 1024 * 1024) in message


def test_a_rules_folder_over_its_total_size_is_refused(tmp_path: Path) -> None:
    chunk = "# " + "x" * 1000 + "\n"
    padding = chunk * (FILE_LIMIT // len(chunk) - 1)
    for number in range(FOLDER_LIMIT // len(padding) + 1):
        (tmp_path / f"rule{number:03}.yaml").write_text(rule_yaml(id=f"test/r{number}") + padding)
    with pytest.raises(RuleError, match=r"rule files hold over 2 MiB, the most a rules folder may hold") as caught:
        load_rules(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_a_rules_folder_with_too_many_files_is_refused(tmp_path: Path) -> None:
    for number in range(FILES_LIMIT + 1):
        (tmp_path / f"r{number}.yml").write_text("id: x\n")
    with pytest.raises(RuleError, match=r"more than 1000 rule files, the most a rules folder may hold"):
        load_rules(tmp_path)


def test_deep_yaml_nesting_is_refused_before_the_composer_recurses(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(rule_yaml() + "tags: " + "[" * 40 + "]" * 40 + "\n")
    with pytest.raises(RuleError, match=r"deep.yaml: line \d+, column \d+: nested deeper than 32 levels"):
        load_rule_file(path)


def test_a_query_nested_too_deep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(rule_yaml(queries=["(module" + " (_" * 70 + ")" * 70 + ") @finding"]))
    with pytest.raises(RuleError, match=r"test/python-string: query 1 \(field queries\[0\]\): nests \( and \[ deeper than 64"):
        load_rule_file(path)


def test_messages_quote_an_excerpt_of_a_long_value_never_all_of_it(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(rule_yaml(id="Not An Id " + "x" * 50_000))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert "long.yaml" in message and "does not match" in message and "(at id)" in message
    assert len(message) < 500


# (query or where:, the sample's line that must have a finding) for EVIL against ATTACK and "aaaa".
CASES = {
    "match": ({"queries": [f'((string) @s (#match? @s "{EVIL.replace(chr(34), chr(92) + chr(34))}")) @finding']}, 2),
    "not-match": ({"queries": [f'((string) @s (#not-match? @s "{EVIL.replace(chr(34), chr(92) + chr(34))}")) @finding']}, 1),
    "where": ({"where": {"s": {"matches": EVIL}}}, 2),
}
RUN_RULE = textwrap.dedent("""
    from pathlib import Path
    from shoal.analysis import parser
    from shoal.rules.engine import RuleEngine
    from shoal.rules.registry import RuleSet, load_rules
    rules = RuleSet(load_rules(Path(sys.argv[1])))
    source = Path(sys.argv[2]).read_bytes()
    findings, diagnostics = RuleEngine(rules).run("python", parser.parse(source, "python"), source, "a.py")
    print(sorted(f.location.start_line for f in findings), diagnostics)
""")


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_catastrophic_regex_runs_in_linear_time_with_the_right_answer(tmp_path: Path, case: str) -> None:
    changes, expected_line = CASES[case]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "evil.yaml").write_text(rule_yaml(**changes))
    sample = tmp_path / "a.py"
    sample.write_text(f"x = {ATTACK}\ny = \"aaaa\"\n")
    done, seconds = run_child(RUN_RULE, str(tmp_path / "rules"), str(sample), timeout=30)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"[{expected_line}] []"
    assert seconds < 15
    print(f"{case}: {seconds:.2f} s")


@pytest.mark.parametrize("predicate", ["match?", "not-match?", "any-match?", "any-not-match?"])
def test_a_lookahead_in_a_query_predicate_is_refused_naming_file_rule_and_field(tmp_path: Path, predicate: str) -> None:
    path = tmp_path / "look.yaml"
    path.write_text(rule_yaml(queries=["((string) @s) @finding",
                                       f'((string) @s\n  (#{predicate} @s "^(?=secret)")) @finding']))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    for fragment in ("look.yaml", "rule test/python-string", "query 2 (field queries[1])", f"(#{predicate} @s ...)",
                     "row 1, column 2", "RE2 cannot compile the regex '^(?=secret)'", "no lookaround"):
        assert fragment in message, message


@pytest.mark.parametrize("field", ["matches", "not_matches"])
def test_a_lookahead_in_a_where_constraint_is_refused_naming_file_rule_and_field(tmp_path: Path, field: str) -> None:
    path = tmp_path / "look.yaml"
    path.write_text(rule_yaml(where={"s": {field: "(?!x)secret"}}))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    for fragment in ("look.yaml", "rule test/python-string", f"field where.s.{field}", "RE2 cannot compile '(?!x)secret'"):
        assert fragment in message, message
    assert "b'" not in message  # RE2's reason as text, not bytes
