"""Integrity of the labelled accuracy corpus for Java and JavaScript/TypeScript (tests/corpus):
the label file and the folders agree, every category is balanced, every file parses, no name leaks
its label."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from tree_sitter import Node

from shoal.analysis.parser import parse
from shoal.languages import detect_language

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LANGUAGES = ("java", "javascript")
EXTENSIONS = {"java": {".java"}, "javascript": {".js", ".ts"}}
# Category -> CWE numbers a finding may carry to count as a hit; the first is the main one.
CATEGORIES: dict[str, tuple[int, ...]] = {
    "command-injection": (78,),
    "code-injection": (94, 95),
    "sql-injection": (89,),
    "path-traversal": (22,),
    "xss": (79,),
    "ldap-injection": (90,),
    "xpath-injection": (643,),
    "open-redirect": (601,),
    "ssrf": (918,),
    "trust-boundary": (501,),
    "insecure-deserialization": (502,),
    "xxe": (611,),
    "weak-hash": (328, 327),
    "weak-cipher": (327,),
    "insecure-randomness": (330, 338),
    "insecure-cookie": (614, 1004),
    "hardcoded-credentials": (798, 259),
    "tls-verification": (295,),
}
MIN_PER_LABEL = 15
# Words that would tell a scanner (or a reader tuning one) the label of a case.
LEAKING = re.compile(r"\b(safe|unsafe|vuln|vulnerable|vulnerability|bad|good|ruleid)\b", re.IGNORECASE)
CASE_NAME = re.compile(r"^case_\d{2,3}$")


def _rows(language: str) -> list[dict[str, str]]:
    with (CORPUS / language / "expected.csv").open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["path", "category", "cwe", "vulnerable"]
        return list(reader)


def _files(language: str) -> list[Path]:
    root = CORPUS / language
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "expected.csv")


def _words(text: str) -> str:
    """camelCase and snake_case split into words, so `isSafe` and `safe_path` are caught too."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text).replace("_", " ")


def _leaves(node: Node) -> list[Node]:
    # Identifiers, comments and string fragments are all leaves; keywords and punctuation are harmless.
    stack, out = [node], []
    while stack:
        current = stack.pop()
        if current.child_count == 0:
            out.append(current)
        stack.extend(current.children)
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_listed_file_exists_and_every_file_is_listed(language: str) -> None:
    listed = {row["path"] for row in _rows(language)}
    present = {p.relative_to(CORPUS / language).as_posix() for p in _files(language)}
    assert sorted(listed - present) == [], "listed in expected.csv but missing"
    assert sorted(present - listed) == [], "present but not listed in expected.csv"


@pytest.mark.parametrize("language", LANGUAGES)
def test_rows_are_well_formed_and_every_category_is_balanced(language: str) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for row in _rows(language):
        category, name = row["path"].split("/")
        assert row["category"] == category, row
        assert category in CATEGORIES, row
        assert int(row["cwe"]) == CATEGORIES[category][0], row
        assert row["vulnerable"] in ("true", "false"), row
        stem, suffix = name.rsplit(".", 1)
        assert CASE_NAME.match(stem) and f".{suffix}" in EXTENSIONS[language], row
        counts[(category, row["vulnerable"])] += 1
    short = {
        (category, label): counts[(category, label)]
        for category in CATEGORIES
        for label in ("true", "false")
        if counts[(category, label)] < MIN_PER_LABEL
    }
    assert short == {}, f"categories with fewer than {MIN_PER_LABEL} cases of a label"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_parses_without_errors_and_leaks_no_label(language: str) -> None:
    parse_errors, leaks = [], []
    for path in _files(language):
        rel = path.relative_to(CORPUS / language).as_posix()
        grammar = detect_language(path.name)
        assert grammar is not None, rel
        tree = parse(path.read_bytes(), grammar)
        if tree.root_node.has_error:
            parse_errors.append(rel)
        texts = [rel] + [leaf.text.decode("utf-8") for leaf in _leaves(tree.root_node) if leaf.text]
        found = {m.group(0) for text in texts for m in LEAKING.finditer(_words(text))}
        if found:
            leaks.append(f"{rel}: {sorted(found)}")
    assert parse_errors == [], "files with ERROR or MISSING nodes"
    assert leaks == [], "files whose names, identifiers, strings or comments hint at the label"


def test_every_java_case_is_one_top_level_type() -> None:
    """One class per file, as the corpus format asks; nested helper classes and records are fine."""
    several = {}
    for path in _files("java"):
        root = parse(path.read_bytes(), "java").root_node
        tops = [c.type for c in root.children if c.type.endswith("_declaration")
                and c.type not in ("import_declaration", "package_declaration")]
        if len(tops) != 1:
            several[path.relative_to(CORPUS).as_posix()] = tops
    assert several == {}


def test_the_leak_check_catches_split_words_and_spares_longer_ones() -> None:
    assert LEAKING.search(_words("isSafe")) and LEAKING.search(_words("bad_input"))
    assert LEAKING.search(_words("// ruleid: x")) and LEAKING.search(_words("VulnerableHandler"))
    assert not LEAKING.search(_words("SafeConstructorX".lower())) and not LEAKING.search(_words("badge"))
