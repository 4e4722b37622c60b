"""Inline suppressions: `shoal: ignore[<rule-id>, ...]` on a finding's line or the line above.

A bare `shoal: ignore` (no ids) suppresses nothing: it would hide every present and future
rule on that line, so it is reported as a note asking for the ids instead.

In code files only comments count (the tree says where they are), so documentation and strings
that mention the syntax change nothing. In other text files (.env, YAML) any line counts, and a
bare ignore is not reported there: prose cannot be told from a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from shoal.findings import fingerprint
from shoal.models import Finding, Location, RuleMeta, Severity

_MARKER = b"shoal:"
_IGNORE = re.compile(r"shoal:\s*ignore(?:\[([^\]\n]*)\])?")

BARE_IGNORE = RuleMeta(
    id="suppressions/bare-ignore",
    name="BareIgnore",
    description="A `shoal: ignore` comment without rule ids suppresses nothing.",
    default_severity=Severity.NOTE,
    help="Name the rules to suppress: `shoal: ignore[rule-id, other-id]`.",
    tags=("suppressions",),
)


def has_marker(source: bytes) -> bool:
    return _MARKER in source


def ignores_by_line(source: bytes, comment_lines: Set[int] | None = None) -> dict[int, frozenset[str] | None]:
    """Line number -> suppressed rule ids (None for a bare ignore), from `comment_lines` only
    when given. Only lines with the marker are decoded: a file without any costs one search."""
    found: dict[int, frozenset[str] | None] = {}
    if _MARKER not in source:
        return found
    for number, raw in enumerate(source.split(b"\n"), start=1):
        if _MARKER not in raw or (comment_lines is not None and number not in comment_lines):
            continue
        for match in _IGNORE.finditer(raw.decode("utf-8", "replace")):
            ids = match.group(1)
            if ids is None or not ids.strip():
                found.setdefault(number, None)
            else:
                known = found.get(number) or frozenset()
                found[number] = known | {i.strip() for i in ids.split(",") if i.strip()}
    return found


def apply_suppressions(
    findings: Sequence[Finding], source: bytes, path: str, comment_lines: Set[int] | None = None
) -> list[Finding]:
    """The findings no ignore comment covers, plus a note for each bare ignore in a comment."""
    ignores = ignores_by_line(source, comment_lines)
    if not ignores:
        return list(findings)
    kept = [f for f in findings if not _suppressed(f, ignores)]
    if comment_lines is None:
        return kept
    bare = [line for line, ids in sorted(ignores.items()) if ids is None]
    kept.extend(_bare_ignore_note(path, line, occurrence) for occurrence, line in enumerate(bare))
    return kept


def _suppressed(finding: Finding, ignores: dict[int, frozenset[str] | None]) -> bool:
    line = finding.location.start_line
    return any(finding.rule_id in (ignores.get(n) or ()) for n in (line, line - 1))


def _bare_ignore_note(path: str, line: int, occurrence: int) -> Finding:
    return Finding(
        rule_id=BARE_IGNORE.id,
        severity=BARE_IGNORE.default_severity,
        confidence="high",
        message="shoal: ignore without rule ids suppresses nothing: name them, as shoal: ignore[rule-id]",
        location=Location(path=path, start_line=line, start_col=1, end_line=line, end_col=1),
        fingerprint=fingerprint(BARE_IGNORE.id, path, str(occurrence)),  # order, not line
    )


def comment_lines(comments: Iterable[object]) -> set[int]:
    """1-based lines covered by comment nodes (tree-sitter Nodes)."""
    lines: set[int] = set()
    for node in comments:
        first, last = node.start_point[0] + 1, node.end_point[0] + 1  # type: ignore[attr-defined]
        lines.update(range(first, last + 1))
    return lines
