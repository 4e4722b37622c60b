"""Running rules over an already-parsed tree: one combined query pass per language.

All of a language's rule queries are concatenated into one tree-sitter query, so the tree is
walked once however many rules there are; each match is traced back to its rule by the byte
offset where its pattern starts. Capture constraints are then checked in Python, per match. A
rule that raises while being checked becomes a diagnostic and the other rules go on.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tree_sitter import Node, Query, Tree

from shoal.analysis import parser
from shoal.findings import fingerprint
from shoal.models import Finding, Location
from shoal.rules.registry import FINDING_CAPTURE, Constraint, Rule, RuleSet

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SNIPPET_CHARS = 80


@dataclass(frozen=True)
class _Compiled:
    query: Query
    starts: tuple[int, ...]  # byte offset of each rule query in the combined source
    owners: tuple[Rule, ...]  # the rule of the query starting at the same index


class RuleEngine:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._compiled: dict[str, _Compiled | None] = {}

    def run(self, language: str, tree: Tree, source: bytes, path: str) -> tuple[list[Finding], list[str]]:
        """Findings of every rule for `language` on this file, and diagnostics of failed rules."""
        compiled = self._compiled_for(language)
        if compiled is None:
            return [], []
        findings: list[Finding] = []
        failed: dict[str, str] = {}
        seen: Counter[tuple[str, str]] = Counter()
        for pattern, captures in parser.matches(compiled.query, tree.root_node):
            rule = _owner(compiled, pattern)
            if rule.id in failed:
                continue
            try:
                finding = _finding(rule, captures, language, path, seen)
            except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the scan
                failed[rule.id] = f"{path}: rule {rule.id} failed and was skipped: {type(exc).__name__}: {exc}"
                continue
            if finding is not None:
                findings.append(finding)
        return findings, sorted(failed.values())

    def _compiled_for(self, language: str) -> _Compiled | None:
        if language not in self._compiled:
            self._compiled[language] = _compile(self.rules.for_language(language), language)
        return self._compiled[language]


def _compile(rules: Sequence[Rule], language: str) -> _Compiled | None:
    if not rules:
        return None
    parts: list[str] = []
    starts: list[int] = []
    owners: list[Rule] = []
    offset = 0
    for rule in rules:
        for text in rule.queries:
            chunk = text.rstrip() + "\n\n"
            starts.append(offset)
            owners.append(rule)
            parts.append(chunk)
            offset += len(chunk.encode("utf-8"))
    return _Compiled(parser.compile_query(language, "".join(parts)), tuple(starts), tuple(owners))


def _owner(compiled: _Compiled, pattern: int) -> Rule:
    start = compiled.query.start_byte_for_pattern(pattern)
    return compiled.owners[bisect.bisect_right(compiled.starts, start) - 1]


def _finding(
    rule: Rule,
    captures: dict[str, list[Node]],
    language: str,
    path: str,
    seen: Counter[tuple[str, str]],
) -> Finding | None:
    if FINDING_CAPTURE not in captures or not all(_holds(c, captures, language) for c in rule.constraints):
        return None
    node = captures[FINDING_CAPTURE][0]
    snippet = " ".join(_text(node).split())
    # Identical snippets in one file are told apart by their order, never by their line.
    occurrence = seen[(rule.id, snippet)]
    seen[(rule.id, snippet)] += 1
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        confidence=rule.confidence,
        cwe=rule.cwe,
        message=_message(rule.message, captures),
        location=Location(
            path=path,
            start_line=node.start_point[0] + 1,
            start_col=node.start_point[1] + 1,
            end_line=node.end_point[0] + 1,
            end_col=node.end_point[1] + 1,
        ),
        fingerprint=fingerprint(rule.id, path, snippet, str(occurrence)),
    )


def _holds(constraint: Constraint, captures: dict[str, list[Node]], language: str) -> bool:
    nodes = captures.get(constraint.capture)
    if not nodes:
        # An optional capture that did not match: only "is not a literal" can hold for nothing.
        return constraint.string_literal is False and _only_literal_test(constraint)
    node = nodes[0]
    text = _text(node)
    if constraint.equals is not None and text not in constraint.equals:
        return False
    if constraint.not_equals is not None and text in constraint.not_equals:
        return False
    if constraint.matches is not None and not constraint.matches.search(text):
        return False
    if constraint.not_matches is not None and constraint.not_matches.search(text):
        return False
    if constraint.string_literal is not None and parser.is_string_literal(node, language) != constraint.string_literal:
        return False
    return True


def _only_literal_test(constraint: Constraint) -> bool:
    return all(
        value is None
        for value in (constraint.equals, constraint.not_equals, constraint.matches, constraint.not_matches)
    )


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _message(template: str, captures: dict[str, list[Node]]) -> str:
    def fill(match: re.Match[str]) -> str:
        nodes = captures.get(match.group(1))
        if not nodes:
            return match.group(0)
        text = " ".join(_text(nodes[0]).split())
        return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 1] + "…"

    return _PLACEHOLDER.sub(fill, template)
