"""The labelled accuracy corpus (tests/corpus) is whole, parses, gives nothing away in its names,
and tests/benchmarks/accuracy.py scores it as the OWASP Benchmark does."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from tree_sitter import Node

from shoal.analysis import parser
from shoal.languages import detect_language
from tests.benchmarks import accuracy
from tests.benchmarks.accuracy import Case

LANGUAGE_FOLDERS = sorted(p for p in accuracy.CORPUS.iterdir() if p.is_dir()) if accuracy.CORPUS.is_dir() else []
# Words that would tell a scanner (or a reader tuning rules) the verdict, as whole words of a name
# the case's author chose (is_bad, isSafe) or of a comment.
TELLING = re.compile(r"\b(safe|vuln|bad|good|ruleid|ok)\b", re.IGNORECASE)
# Names a library chose are the code under test, not a hint: members (yaml.safe_load,
# ResponseEntity.ok, response.ok), keyword arguments (exist_ok=) and whatever the file imports
# (mark_safe, OkHttpClient, HttpResponseBadRequest). Node type -> the field that is the author's part.
MEMBER_OWNER = {"attribute": "object", "member_expression": "object", "field_access": "object",
                "method_invocation": "object", "scoped_identifier": "scope", "scoped_type_identifier": "scope"}
IMPORTS = {"import_statement", "import_from_statement", "future_import_statement", "import_declaration"}


def case_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "expected.csv"}


def test_there_is_a_python_corpus() -> None:
    assert accuracy.CORPUS / "python" in LANGUAGE_FOLDERS


@pytest.mark.parametrize("folder", LANGUAGE_FOLDERS, ids=[p.name for p in LANGUAGE_FOLDERS])
def test_expected_csv_lists_exactly_the_files_present(folder: Path) -> None:
    cases = accuracy.load_expected(folder)
    listed = [c.path for c in cases]
    assert len(listed) == len(set(listed)), [p for p, n in Counter(listed).items() if n > 1]
    assert set(listed) == case_files(folder)
    for case in cases:
        assert case.path.split("/")[0] == case.category, case.path
        assert case.cwe in accuracy.CATEGORIES[case.category], case


@pytest.mark.parametrize("folder", LANGUAGE_FOLDERS, ids=[p.name for p in LANGUAGE_FOLDERS])
def test_every_category_present_has_15_vulnerable_and_15_other_cases(folder: Path) -> None:
    counts = Counter((c.category, c.vulnerable) for c in accuracy.load_expected(folder))
    short = {f"{cat} vulnerable={v}": counts[cat, v] for cat, _ in counts for v in (True, False) if counts[cat, v] < 15}
    assert not short, short


@pytest.mark.parametrize("folder", LANGUAGE_FOLDERS, ids=[p.name for p in LANGUAGE_FOLDERS])
def test_every_case_parses_and_no_name_or_comment_tells_the_verdict(folder: Path) -> None:
    problems = []
    for name in sorted(case_files(folder)):
        if TELLING.search(name.replace("_", " ")):
            problems.append(f"{name}: the path names the verdict")
        language = detect_language(name)
        if language is None:
            problems.append(f"{name}: not a source file of a language Shoal parses")
            continue
        tree = parser.parse((folder / name).read_bytes(), language)
        if parser.count_errors(tree, language):
            problems.append(f"{name}: tree-sitter ({language}) reports syntax errors")
        problems += [f"{name}:{line}: {text!r}" for line, text in telling_words(tree.root_node)]
    assert not problems, "\n".join(problems)


def words(identifier: str) -> str:
    """snake_case and camelCase split into words: is_bad -> "is bad", isSafeUrl -> "is Safe Url"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", identifier.replace("_", " "))


def telling_words(root: Node) -> list[tuple[int, str]]:
    """Comments and author-chosen identifiers (every grammar's *comment and *identifier leaves) that
    hold a telling word."""
    nodes = walk(root)
    imported = {text(n) for n, in_import in nodes if in_import and n.type.endswith("identifier")}
    found = []
    for node, _ in nodes:
        name = text(node)
        if (node.type.endswith("comment") and TELLING.search(name)) or (
            node.type.endswith("identifier") and node.child_count == 0 and name not in imported
            and not library_member(node) and TELLING.search(words(name))
        ):
            found.append((node.start_point[0] + 1, name))
    return sorted(found)


def walk(root: Node) -> list[tuple[Node, bool]]:
    """Every node, with whether it sits in an import statement."""
    out, stack = [], [(root, False)]
    while stack:
        node, in_import = stack.pop()
        in_import = in_import or node.type in IMPORTS
        out.append((node, in_import))
        stack.extend((child, in_import) for child in node.children)
    return out


def library_member(node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "keyword_argument":
        return parent.child_by_field_name("name") == node
    owner = parent.child_by_field_name(MEMBER_OWNER[parent.type]) if parent.type in MEMBER_OWNER else None
    return owner is not None and owner != node


def text(node: Node) -> str:
    return node.text.decode() if node.text else ""


def test_telling_words_are_caught_in_identifiers_and_comments_not_in_api_names() -> None:
    source = (b"import yaml\nfrom markupsafe import soft_str as safe_str\n# ok: here\n"
              b"def load(data):\n    return yaml.safe_load(data, safe=True), safe_str(data), makedirs(data, exist_ok=True)\n"
              b"is_bad = isSafe = 1\nr.ok\nok = 2\n")
    tree = parser.parse(source, "python")
    assert telling_words(tree.root_node) == [(3, "# ok: here"), (6, "isSafe"), (6, "is_bad"), (8, "ok")]
    java = b"import okhttp3.OkHttpClient;\nclass A { Object f() { OkHttpClient c; return ResponseEntity.ok(isGood()); } }\n"
    tree = parser.parse(java, "java")
    assert telling_words(tree.root_node) == [(2, "isGood")]


def test_scorecard_counts_only_the_categories_cwes_in_each_file() -> None:
    cases = [
        Case("sql-injection/case_01.py", "sql-injection", 89, True),
        Case("sql-injection/case_02.py", "sql-injection", 89, True),
        Case("sql-injection/case_03.py", "sql-injection", 89, False),
        Case("sql-injection/case_04.py", "sql-injection", 89, False),
        Case("weak-hash/case_01.py", "weak-hash", 328, True),
        Case("weak-hash/case_02.py", "weak-hash", 328, False),
    ]
    detections = {
        "sql-injection/case_01.py": {89},
        "sql-injection/case_02.py": {78},  # another CWE in the file: not a hit
        "sql-injection/case_03.py": {89},  # a false alarm
        "weak-hash/case_01.py": {327},  # 327 is accepted for weak hashes
    }
    sql, weak = accuracy.scorecard(cases, detections)
    assert (sql.category, sql.tp, sql.fn, sql.fp, sql.tn) == ("sql-injection", 1, 1, 1, 1)
    assert (sql.tpr, sql.fpr, sql.score) == (0.5, 0.5, 0.0)
    assert sql.misses == ("sql-injection/case_02.py",) and sql.false_alarms == ("sql-injection/case_03.py",)
    assert (weak.tpr, weak.fpr, weak.score) == (1.0, 0.0, 1.0)
    assert accuracy.average([sql, weak]) == 0.5


def test_example_coverage_matches_same_file_category_and_nearby_line() -> None:
    def bandit(path: str, line: int, cwe: int, severity: str = "HIGH") -> dict[str, object]:
        return {"filename": f"./{path}", "line_number": line, "issue_cwe": {"id": cwe},
                "issue_severity": severity, "test_id": "B000"}

    def shoal(path: str, line: int, cwe: str) -> dict[str, object]:
        return {"cwe": cwe, "location": {"path": path, "start_line": line}}

    results = [bandit("a.py", 10, 78), bandit("a.py", 20, 89), bandit("b.py", 5, 327),
               bandit("b.py", 9, 327, "LOW"), bandit("c.py", 1, 703)]
    ours = [shoal("a.py", 12, "CWE-78"), shoal("a.py", 20, "CWE-78"), shoal("b.py", 4, "CWE-328")]
    coverage = accuracy.example_coverage(results, ours)
    # LOW severity and CWE-703 (no category) are left out; a.py:20 wants CWE-89, not 78.
    assert (coverage["bandit_findings"], coverage["shoal_matched"]) == (3, 2)
    assert coverage["missed"] == ["a.py:20 B000 CWE-89"]


def test_a_malformed_expected_csv_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "expected.csv").write_text("path,category,cwe,vulnerable\nx/case_01.py,nonsense,1,true\n")
    with pytest.raises(accuracy.CorpusError, match="unknown category 'nonsense'"):
        accuracy.load_expected(tmp_path)


def test_an_unknown_language_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--language", "cobol"]) == 2
    err = capsys.readouterr().err
    assert "no corpus for cobol" in err and "present: " in err and "python" in err
