"""The rule registry refuses broken rules with a precise message; the engine runs many rules in
one pass, traces each match to its rule, applies constraints and isolates a failing rule."""

from __future__ import annotations

import textwrap
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest
import yaml

from shoal.analysis import parser
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, load_rule_file, load_rules, parse_rule

BASE: dict[str, Any] = {
    "id": "test/python-call",
    "name": "TestCall",
    "severity": "warning",
    "confidence": "high",
    "message": "call of {fn}",
    "languages": ["python"],
    "queries": ["(call function: (identifier) @fn (#eq? @fn \"danger\")) @finding"],
}


def rule(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    "data, fragments",
    [
        ({k: v for k, v in BASE.items() if k != "id"}, ["rule without an id", "'id' is a required property"]),
        (rule(id="NoCategory"), ["does not match"]),
        (rule(languages=["cobol"]), ["test/python-call", "unknown language cobol"]),
        (rule(queries=["(call function: (identifier) @fn)\n(call functionx: (identifier) @x) @finding"]),
         ["test/python-call", "query 1 does not compile for python", "row 1, column 6"]),
        (rule(queries=["(call) @call"]), ["query 1 has a pattern without the @finding capture"]),
        (rule(queries=["(call) @finding\n(#eq? @finding \"x\")"]), ["pattern 2 of 2", "inside the pattern's parentheses"]),
        (rule(where={"nope": {"equals": "x"}}), ["'where' names capture @nope", "@fn"]),
        (rule(where={"fn": {"matches": "(unclosed"}}), ["regex for @fn is invalid"]),
        (rule(severity="fatal"), ["'fatal' is not one of"]),
    ],
)
def test_broken_rules_are_refused_naming_rule_file_and_place(tmp_path: Path, data, fragments) -> None:
    path = write(tmp_path, "bad.yaml", data)
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_invalid_yaml_gives_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "id: x/y\nname: [unclosed\n")
    with pytest.raises(RuleError, match=r"not valid YAML at line \d+, column \d+"):
        load_rule_file(path)


def test_two_rules_with_one_id_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", BASE)
    write(tmp_path, "b.yaml", BASE)
    with pytest.raises(RuleError, match="already defined in .*a.yaml"):
        load_rules(tmp_path)


SOURCE = textwrap.dedent('''
    danger(1)
    safe(2)
    os.system(cmd)
    os.system("ls")
    danger(3)
''').encode()


def engine_for(*datas: dict[str, Any]) -> RuleEngine:
    return RuleEngine(RuleSet(tuple(parse_rule(d, "test") for d in datas)))


def run(engine: RuleEngine, source: bytes = SOURCE) -> tuple[list, list]:
    return engine.run("python", parser.parse(source, "python"), source, "app.py")


def test_one_pass_traces_each_match_to_its_rule_and_applies_constraints() -> None:
    system = rule(
        id="test/python-system",
        message="os.system with {cmd}",
        queries=["(call function: (attribute object: (identifier) @m attribute: (identifier) @f)"
                 " arguments: (argument_list . (_) @cmd) (#eq? @m \"os\") (#eq? @f \"system\")) @finding"],
        where={"cmd": {"string_literal": False}},
    )
    findings, diagnostics = run(engine_for(BASE, system))
    assert diagnostics == []
    got = sorted((f.rule_id, f.location.start_line, f.message) for f in findings)
    assert got == [
        ("test/python-call", 2, "call of danger"),
        ("test/python-call", 6, "call of danger"),
        ("test/python-system", 4, "os.system with cmd"),
    ]


def test_identical_snippets_get_distinct_fingerprints_that_ignore_lines() -> None:
    findings, _ = run(engine_for(rule(queries=["(call function: (identifier) @fn (#eq? @fn \"danger\")) @finding"])),
                      b"danger(1)\ndanger(1)\n")
    assert len({f.fingerprint for f in findings}) == 2
    moved, _ = run(engine_for(BASE), b"\n\n\ndanger(1)\ndanger(1)\n")
    assert {f.fingerprint for f in moved} == {f.fingerprint for f in findings}


def test_equals_not_equals_and_regex_constraints() -> None:
    any_call = ["(call function: (identifier) @fn) @finding"]
    source = b"alpha()\nbeta()\ngamma()\n"
    assert [f.message for f in run(engine_for(rule(queries=any_call, where={"fn": {"equals": ["beta", "gamma"]}})), source)[0]] == ["call of beta", "call of gamma"]
    assert [f.message for f in run(engine_for(rule(queries=any_call, where={"fn": {"not_equals": "beta"}})), source)[0]] == ["call of alpha", "call of gamma"]
    assert [f.message for f in run(engine_for(rule(queries=any_call, where={"fn": {"matches": "^g"}})), source)[0]] == ["call of gamma"]


def test_a_failing_rule_becomes_a_diagnostic_and_the_others_still_report(monkeypatch) -> None:
    broken = rule(id="test/python-broken", queries=["(call function: (identifier) @fn) @finding"],
                  where={"fn": {"string_literal": True}})
    import shoal.rules.engine as engine_module

    real = engine_module.parser.is_string_literal

    def explode(node, language):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine_module.parser, "is_string_literal", explode)
    findings, diagnostics = run(engine_for(BASE, broken))
    monkeypatch.setattr(engine_module.parser, "is_string_literal", real)
    assert {f.rule_id for f in findings} == {"test/python-call"}
    assert diagnostics == ["app.py: rule test/python-broken failed and was skipped: RuntimeError: boom"]


def test_configured_rule_set_disables_and_overrides_and_refuses_unknown_ids() -> None:
    rules = RuleSet((parse_rule(BASE, "test"),))
    assert rules.configured(disable=["test/python-call"]).rules == ()
    assert rules.configured(severity={"test/python-call": "error"}).rules[0].severity.value == "error"
    with pytest.raises(Exception, match="unknown rule id"):
        rules.configured(disable=["test/nope"])


def test_the_shared_pass_gives_the_same_metrics_as_the_metrics_query_alone() -> None:
    from shoal.analysis.analyse import measure_tree
    from shoal.languages import detect_language
    from shoal.rules.registry import builtin_folder, builtin_rules

    engine = RuleEngine(RuleSet(builtin_rules()))
    samples = [p for p in builtin_folder().rglob("*")
               if p.is_file() and p.suffix not in (".yaml", ".yml") and "__pycache__" not in p.parts]
    samples += sorted(Path(__file__).resolve().parents[2].joinpath("shared", "shoal").rglob("*.py"))
    checked = set()
    for path in samples:
        language = detect_language(path.name)
        source = path.read_bytes()
        tree = parser.parse(source, language)
        _, _, captures = engine.run_with_metrics(language, tree, source, path.name)
        assert captures is not None
        assert measure_tree(source, tree, language, path.name, captures) == measure_tree(source, tree, language, path.name)
        checked.add(language)
    assert len(checked) == 11  # every grammar, tsx included


def _everything_in_one_pass(engine: RuleEngine, language: str) -> None:
    """Compile `engine`'s queries for `language` with nothing gated: the reference to compare with."""
    count = sum(len(r.queries) for r in engine.rules.for_language(language))
    for with_metrics in (False, True):
        engine._ungated[(language, with_metrics)] = frozenset(range(count))
        engine._compiled.pop((language, with_metrics), None)


def _comparable(result: tuple[list, list]) -> tuple[list, list]:
    # Gated queries run after the pass, so findings come in another order; an occurrence number
    # in the first-draft fingerprint follows that order (the agent fingerprints them again).
    findings, diagnostics = result
    return sorted((f.rule_id, astuple(f.location), f.message, f.severity.value) for f in findings), diagnostics


def test_rules_left_out_of_the_pass_find_what_the_pass_finds() -> None:
    """Queries whose predicates need strings a file lacks run only where those strings are; on
    the built-in rules' samples and Shoal's own code that loses and adds nothing."""
    from shoal.languages import detect_language
    from shoal.rules.registry import builtin_folder, builtin_rules

    samples = [p for p in builtin_folder().rglob("*")
               if p.is_file() and p.suffix not in (".yaml", ".yml") and "__pycache__" not in p.parts]
    samples += sorted(Path(__file__).resolve().parents[2].joinpath("shared", "shoal").rglob("*.py"))
    gated, reference = RuleEngine(RuleSet(builtin_rules())), RuleEngine(RuleSet(builtin_rules()))
    compared = 0
    for path in samples:
        language = detect_language(path.name)
        source = path.read_bytes()
        tree = parser.parse(source, language)
        if (language, False) not in reference._ungated:
            _everything_in_one_pass(reference, language)
        expected = _comparable(reference.run(language, tree, source, path.name))
        assert _comparable(gated.run(language, tree, source, path.name)) == expected, path
        compared += len(expected[0])
    assert compared > 100
    assert any(c is not None and c.gated for c in gated._compiled.values()), "nothing was gated"


def test_a_predicate_on_an_optional_capture_needs_nothing() -> None:
    # The #eq? holds when @word is absent, so a file without "magic" can still match.
    engine = engine_for(rule(queries=['(call function: (identifier) @fn arguments: (argument_list (identifier)? @word)'
                                      ' (#eq? @word "magic") (#eq? @fn "danger")) @finding']))
    findings, _ = run(engine, b"x = 1\ndanger()\n")
    assert [f.location.start_line for f in findings] == [2]
    compiled = engine._compiled[("python", False)]
    assert compiled is not None and len(compiled.gated) == 1  # gated on "danger" alone
    findings, _ = run(engine, b"other()\n")
    assert findings == []


def test_a_gated_query_possible_in_most_files_joins_the_pass() -> None:
    engine = engine_for(rule())  # needs "danger", which every file below holds
    for line in range(70):
        findings, _ = run(engine, b"x = %d\ndanger(x)\n" % line)
        assert [f.location.start_line for f in findings] == [2]
    compiled = engine._compiled[("python", False)]
    assert compiled is not None and compiled.gated == ()
    assert engine._ungated[("python", False)] == frozenset({0})


def test_a_gated_query_that_becomes_common_after_the_first_review_still_joins_the_pass() -> None:
    # The first 64 files never hold "danger"; every later one does. A first review that finds
    # nothing common must not be the last.
    engine = engine_for(rule())
    for line in range(64):
        assert run(engine, b"x = %d\n" % line)[0] == []
    for line in range(200):
        findings, _ = run(engine, b"x = %d\ndanger(x)\n" % line)
        assert [f.location.start_line for f in findings] == [2]
    assert engine._ungated.get(("python", False)) == frozenset({0})


# A gated query's predicates are searched for in the whole file (their regexes, assertions
# dropped) and the query walks only around what was found: these check that nothing a full walk
# finds is lost that way, however far apart, anchored or spread over the file the text is.
FILLER = b"".join(b"value_%d = %d  # padding between the places a rule needs\n" % (n, n) for n in range(40))


def test_an_anchored_predicate_runs_only_where_its_regex_is_and_still_finds_every_match() -> None:
    anchored = rule(queries=['(call function: (identifier) @fn (#match? @fn "^danger$")) @finding'])
    engine = engine_for(anchored)
    # The word is there, but only inside longer names: the atoms let the file through, the
    # search of "danger" does too, and no call is named exactly danger.
    assert run(engine, b"xdanger()\ndanger_zone = 1\n")[0] == []
    source = b"import os\ndanger(1)\n" + FILLER + b"x = 'danger'\n" + FILLER + b"danger(\n    2,\n)\nxdanger()\n"
    findings, _ = run(engine, source)
    last = source.count(b"\n", 0, source.rindex(b"danger(\n")) + 1
    assert [(f.location.start_line, f.location.end_line) for f in findings] == [(2, 2), (last, last + 2)]


def test_a_regex_that_cannot_be_in_the_file_keeps_the_query_from_running() -> None:
    # "select" and "from" are both in the file (the atoms say maybe); a string starting with a
    # SELECT ... FROM statement is not, so the gated query never runs on it.
    sql = rule(queries=['(assignment right: (string) @sql (#match? @sql "(?is)^[\\"\']select\\\\s.+\\\\sfrom\\\\s")) @finding'])
    engine = engine_for(sql)
    findings, _ = run(engine, b"from os import path\nselected = query.select_related('x')\n")
    assert findings == []
    compiled = engine._compiled[("python", False)]
    assert compiled is not None and [g.hits for g in compiled.gated] == [0]
    source = b"from os import path\n" + FILLER + b"q = 'SELECT a FROM t WHERE id = %s'\n"
    findings, _ = run(engine, source)
    assert [f.location.start_line for f in findings] == [source.count(b"\n")]
    assert [g.hits for g in compiled.gated] == [1]


def test_a_match_larger_than_the_text_found_is_found_once_with_all_its_captures() -> None:
    # The predicate tests @method, in the middle of the match; the match starts before it and
    # ends far after it (a long argument list), past other places of the same word.
    extra = rule(message="extra with {arg}", queries=[
        '(call function: (attribute attribute: (identifier) @method) arguments: (argument_list . (_) @arg)'
        ' (#eq? @method "extra")) @finding'])
    argument = b"[\n" + b"".join(b"    'extra_%d',\n" % n for n in range(80)) + b"]"
    source = b"qs = Model.objects.extra(" + argument + b")\n" + FILLER + b"other.extra(last)\n"
    findings, _ = run(engine_for(extra), source)
    assert len(findings) == 2
    assert findings[0].location.start_line == 1 and findings[0].message.startswith("extra with [ 'extra_0',")
    assert findings[1].message == "extra with last"


@pytest.mark.parametrize(("regex", "loosened"), [
    ("^danger$", "danger"),
    ("(^|\\.)RawSQL$", "(?:|\\.)RawSQL"),
    ("\\bexec\\b", "exec"),
    ("(?i)^(a|b)[^$^]\\$\\^", "(?i)(?:a|b)[^$^]\\$\\^"),  # in a class or escaped, ^ and $ are characters
    ("[]^]x", "[]^]x"),  # a ] first in a class is one of its characters
    ("(?P<name>a)", "(?P<name>a)"),
    # Lazy: the same texts, but the shortest places (a greedy .+ spans to the file's last "from").
    ("(?is)select\\s.+\\sfrom", "(?is)select\\s.+?\\sfrom"),
    ("a{2,3}b+?c{x}[+]", "a{2,3}?b+?c{x}[+]"),
    ("\\Qa.b\\E", None),  # not followed: no search, the atoms alone gate
    ("[[:alpha:]]+", None),
])
def test_a_predicate_regex_is_searched_in_the_file_without_its_assertions(regex: str, loosened: str | None) -> None:
    from shoal.rules.engine import _loosened

    assert _loosened(regex) == loosened


def test_a_wide_regex_places_each_statement_apart() -> None:
    from shoal.rules.engine import _file_search

    # Greedy, the first SELECT's place would reach the last "from": one range over the file.
    search = _file_search("(?is)^[\"']select\\s.+\\sfrom\\s")
    assert search is not None
    source = b"a = 'select x from t'\n" + FILLER + b"b = 'select y from u'\n" + FILLER + b"from os import path\n"
    places = search.places(source)
    assert [source[start:end] for start, end in places] == [b"'select x from ", b"'select y from "]


def test_ranged_matches_are_the_full_walks_matches_that_overlap_the_ranges() -> None:
    source = Path(__file__).resolve().parents[2].joinpath("shared", "shoal", "rules", "engine.py").read_bytes()
    tree = parser.parse(source, "python")
    query = parser.compile_query("python", '(call function: (attribute object: (_) @object attribute: (identifier) @method)'
                                           ' arguments: (argument_list) @args (#eq? @method "append")) @finding')
    everywhere = parser.matches(query, tree.root_node)
    assert len(everywhere) > 10

    def key(match: parser.Match) -> tuple:
        return match[0], tuple((name, tuple(n.id for n in nodes)) for name, nodes in sorted(match[1].items()))

    ranges = parser.ranges_of(__import__("re2").compile(rb"append"), source)
    assert len(ranges) > 3  # far apart: several walks, whose matches must not repeat
    assert [key(m) for m in parser.matches(query, tree.root_node, ranges)] == [key(m) for m in everywhere]
    first = ranges[:1]
    assert [key(m) for m in parser.matches(query, tree.root_node, first)] == [
        key(m) for m in everywhere if m[1]["finding"][0].start_byte < first[0][1]
        and m[1]["finding"][0].end_byte > first[0][0]]


def test_a_rules_where_constraints_gate_its_queries_and_it_still_fires_where_they_hold() -> None:
    # No predicate in the query: the constraint on @addr decides, so the query runs only on
    # files that hold an address it accepts, and only around it.
    bind = rule(message="bound to {addr}", queries=['(call arguments: (argument_list . (string) @addr)) @finding'],
                where={"addr": {"matches": "^[\"']0\\.0\\.0\\.0[\"']$"}})
    engine = engine_for(bind)
    assert run(engine, b"run('127.0.0.1')\nprint('0.0.0.0 is every interface')\n")[0] == []
    compiled = engine._compiled[("python", False)]
    assert compiled is not None and [g.hits for g in compiled.gated] == [0]  # its text is not there
    source = b"run('127.0.0.1')\n" + FILLER + b"serve('0.0.0.0', 80)\n"
    findings, _ = run(engine, source)
    assert [(f.location.start_line, f.message) for f in findings] == [(source.count(b"\n"), "bound to '0.0.0.0'")]


def test_a_file_no_rule_of_the_pass_can_match_gets_the_same_metrics_without_the_pass() -> None:
    # A rule too common to gate sits in the combined pass; a file without its atoms is given the
    # metrics query's captures instead, and the same metrics and findings come out.
    engine = engine_for(rule())  # needs "danger"
    for line in range(70):  # common: the review moves it into the pass
        source = b"x = %d\ndanger(x)\n" % line
        engine.run_with_metrics("python", parser.parse(source, "python"), source, "app.py")
    compiled = engine._compiled[("python", True)]
    assert compiled is not None and compiled.gated == () and compiled.pass_needs
    for source in (b"def f(a, b):\n    if a and b:\n        return 1\n# note\n",
                   b"def f(a):\n    danger(a)\n    # note\n"):
        tree = parser.parse(source, "python")
        findings, _, captures = engine.run_with_metrics("python", tree, source, "app.py")
        expected = parser.captures("python", tree.root_node)
        assert captures is not None
        assert {k: [n.id for n in v] for k, v in captures.items()} == {k: [n.id for n in v] for k, v in expected.items()}
        assert [f.location.start_line for f in findings] == ([2] if b"danger" in source else [])
