"""Fingerprints that recognise a finding across commits: what it is about and where in its file
it sits (rule, enclosing functions, the finding's own code), never its line number.

Computed by the agent, where the file's bytes and its functions are at hand. A finding's
identity is its path plus this fingerprint (`finding_key`): the path is kept apart so a renamed
file's findings can be matched under their new path. Code that moves (lines inserted above, a
function moved elsewhere in the file) keeps its fingerprint; editing the flagged code itself or
renaming its function makes a new one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from shoal.findings import fingerprint
from shoal.models import Finding, FunctionMetrics

VERSION = "2"  # part of every digest: a change of recipe must never match old fingerprints
# A region up to this many lines is fingerprinted whole; a longer one (a function, for the metrics
# rules) by its first line only, so an edit deep inside does not make it a new finding.
WHOLE_REGION_LINES = 3


def stable_fingerprints(
    findings: Sequence[Finding], data: bytes, functions: Sequence[FunctionMetrics]
) -> list[Finding]:
    """The findings of one file with their fingerprints recomputed from the file's code.

    Identical code flagged twice by one rule in one function is told apart by its order there.
    """
    if not findings:
        return []  # most files: nothing to fingerprint, so no need to split them into lines
    lines = data.split(b"\n")
    seen: Counter[tuple[str, str, str]] = Counter()
    result: list[Finding] = []
    ordered = sorted(findings, key=lambda f: (f.location.start_line, f.location.start_col, f.rule_id, f.fingerprint))
    for finding in ordered:
        context = enclosing(functions, finding.location.start_line)
        snippet = code_of(lines, finding)
        key = (finding.rule_id, context, snippet)
        occurrence = seen[key]
        seen[key] += 1
        stable = fingerprint(VERSION, finding.rule_id, context, snippet, str(occurrence))
        result.append(replace(finding, fingerprint=stable))
    return result


def enclosing(functions: Sequence[FunctionMetrics], line: int) -> str:
    """The names of the functions around `line`, outermost first ("" at module level)."""
    around = [f for f in functions if f.start_line <= line <= f.end_line]
    around.sort(key=lambda f: (f.start_line, -f.end_line))
    return ".".join(f.name for f in around)


def code_of(lines: Sequence[bytes], finding: Finding) -> str:
    """The finding's code with whitespace normalised (runs of blanks to one space)."""
    loc = finding.location
    if loc.start_line < 1 or loc.start_line > len(lines):
        return ""
    first = loc.start_line - 1
    span = loc.end_line - loc.start_line + 1
    start_col = max(loc.start_col - 1, 0)
    if span <= 1:
        end_col = loc.end_col - 1 if loc.end_col - 1 > start_col else None
        text = lines[first][start_col:end_col]
    elif span > WHOLE_REGION_LINES or finding.rule_id.startswith("metrics/"):
        text = lines[first][start_col:]
    else:
        last = min(loc.end_line, len(lines)) - 1
        parts = [lines[first][start_col:], *lines[first + 1:last]]
        parts.append(lines[last][: max(loc.end_col - 1, 0)])
        text = b"\n".join(parts)
    return " ".join(text.decode("utf-8", "replace").split())
