"""Run the secret detectors over the bytes of one file and turn their candidates into findings.

Cost model: one RE2 Set pass over the file tells which detectors' literal prefixes occur at all
(a Set of literals compiles to a small automaton that cannot run out of memory, so it never
misses silently); only those detectors' full patterns then run. Every pattern is RE2, so the scan
is linear in the file size whatever the bytes are.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import Any

import re2

from shoal.findings import fingerprint
from shoal.models import Finding, Location
from shoal.secrets.catalog import DETECTORS
from shoal.secrets.filters import is_code_file, is_lockfile, redact, sha256_hex
from shoal.secrets.model import Candidate, Detector, FileContext, compile_pattern, latin1_options

# A real file never holds this many candidates for one rule; a generated or hostile one could,
# and each costs Python work, so the count (not the regex) is what needs a bound.
MAX_MATCHES_PER_RULE = 20_000


# The generic pattern's DFA grows with its keyword alternation; room avoids NFA fallbacks.
_MAX_MEM = 32 << 20


class SecretEngine:
    """The compiled patterns and the prefilter Set: built once per process for the built-in
    detectors, once per configuration for a repository that adds its own."""

    def __init__(self, detectors: Sequence[Detector]) -> None:
        self.detectors = tuple(detectors)
        # Compiled on first use: most files wake a handful of the 200+ detectors.
        self.patterns: list[Any] = [None] * len(self.detectors)
        self.prefilter = re2.Set.SearchSet(latin1_options(_MAX_MEM))
        # One Set entry per distinct pre-filter: a named detector's two patterns share theirs.
        entries: dict[bytes, list[int]] = {}
        for index, detector in enumerate(self.detectors):
            entries.setdefault(detector.prefilter, []).append(index)
        self.woken: list[list[int]] = []
        for prefilter, indexes in entries.items():
            self.prefilter.Add(prefilter)
            self.woken.append(indexes)
        self.prefilter.Compile()
        # Entries whose keyword wakes a detector from anywhere in the file (see candidates).
        self.anywhere = frozenset(entry for entry, indexes in enumerate(self.woken)
                                  if any(self.detectors[i].anywhere for i in indexes))

    def _pattern(self, index: int) -> Any:
        pattern = self.patterns[index]
        if pattern is None:
            pattern = self.patterns[index] = compile_pattern(self.detectors[index].pattern, _MAX_MEM)
        return pattern

    def wake(self, data: bytes) -> frozenset[int]:
        """The pre-filter entries whose keywords occur in `data`."""
        return frozenset(self.prefilter.Match(data) or ())

    def candidates(self, data: bytes, ctx: FileContext,
                   woken: Collection[int] | None = None) -> list[tuple[Detector, Candidate]]:
        """Every detector's candidates in `data`; `woken` (pre-filter entries, by default those
        of `data` itself) lets a caller scanning part of a file wake what the whole file names."""
        found: list[tuple[Detector, Candidate]] = []
        matched = self.wake(data) if woken is None else woken
        for index in sorted(i for entry in matched for i in self.woken[entry]):
            detector = self.detectors[index]
            if detector.generic and ctx.is_lockfile:
                continue  # lockfiles are digests and URLs by the thousand, never assignments
            for count, match in enumerate(self._pattern(index).finditer(data)):
                if count >= MAX_MATCHES_PER_RULE:
                    break
                candidate = detector.extract(match, data, ctx)
                if candidate is not None:
                    found.append((detector, candidate))
        return found


_ENGINE = SecretEngine(DETECTORS)
DEFAULT_ENGINE = _ENGINE  # the built-in detectors' engine, shared by the process


def engine_with(extra: Sequence[Detector]) -> SecretEngine:
    """The built-in detectors plus `extra` (a repository's own), or the shared engine if none."""
    return SecretEngine((*DETECTORS, *extra)) if extra else _ENGINE


def _drop_shadowed(found: list[tuple[Detector, Candidate]]) -> list[tuple[Detector, Candidate]]:
    """A generic finding on bytes a specific detector already reported says less about the same
    secret: keep the specific one only."""
    specific = sorted((c.start, c.end) for d, c in found if not d.generic)
    if not specific:
        return found
    starts = [start for start, _ in specific]
    longest = max(end - start for start, end in specific)

    def shadowed(candidate: Candidate) -> bool:
        # Spans starting after the candidate's end cannot overlap; scan back from there.
        index = bisect.bisect_left(starts, candidate.end)
        while index > 0:
            index -= 1
            start, end = specific[index]
            if start < candidate.end - longest:
                return False
            if end > candidate.start:
                return True
        return False

    kept = [(d, c) for d, c in found if not (d.generic and shadowed(c))]
    return _drop_nested(kept)


def _drop_nested(found: list[tuple[Detector, Candidate]]) -> list[tuple[Detector, Candidate]]:
    """A find inside a longer one of another detector is part of that secret (`xoxp-...` inside
    a Slack configuration token `xoxe.xoxp-...`): report the whole only."""
    if len(found) < 2:
        return found
    ordered = sorted(range(len(found)), key=lambda i: (found[i][1].start, -found[i][1].end))
    dropped: set[int] = set()
    reach = -1
    for index in ordered:
        candidate = found[index][1]
        if candidate.end <= reach:
            dropped.add(index)  # within (or equal to) a span that starts no later
        reach = max(reach, candidate.end)
    return [item for index, item in enumerate(found) if index not in dropped]


class _Positions:
    """Byte offset -> 1-based (line, column), for offsets asked in non-decreasing order, so a
    file costs one pass however many findings it has. Columns count characters (UTF-8 decoded,
    invalid bytes as one each). Candidates start and end next to ASCII bytes, so every slice
    between two offsets decodes whole."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0
        self.line = 1
        self.column = 1

    def at(self, offset: int) -> tuple[int, int]:
        newlines = self.data.count(b"\n", self.offset, offset)
        if newlines:
            self.line += newlines
            self.offset = self.data.rfind(b"\n", self.offset, offset) + 1
            self.column = 1
        self.column += _width(self.data[self.offset:offset])
        self.offset = offset
        return self.line, self.column


def _width(segment: bytes) -> int:
    return len(segment.decode("utf-8", "replace"))


def _end(data: bytes, start: int, end: int, line: int, column: int) -> tuple[int, int]:
    """Line and exclusive end column (SARIF's endColumn) of the span data[start:end]."""
    segment = data[start:end]
    newlines = segment.count(b"\n")
    if not newlines:
        return line, column + _width(segment)
    return line + newlines, _width(segment[segment.rfind(b"\n") + 1:]) + 1


def _finding(path: str, detector: Detector, candidate: Candidate, start: tuple[int, int],
             end: tuple[int, int]) -> Finding:
    digest = sha256_hex(candidate.value)
    shown = redact(candidate.value.decode("utf-8", "replace"))
    properties = dict(candidate.properties, redacted=shown, secret_sha256=digest[:16])
    name = properties.get("name")
    where = f" assigned to {name}" if name else ""
    return Finding(
        rule_id=detector.meta.id,
        severity=detector.meta.default_severity,
        confidence=candidate.confidence,
        message=f"Hard-coded {detector.label}{where}: {shown}",
        location=Location(path=path, start_line=start[0], start_col=start[1], end_line=end[0], end_col=end[1]),
        # The value's hash, not its line: the finding keeps its identity when code moves around it.
        fingerprint=fingerprint(detector.meta.id, path, digest),
        cwe=detector.meta.cwe,
        properties=tuple(sorted(properties.items())),
    )


def scan_secrets(path: str, data: bytes, engine: SecretEngine | None = None) -> list[Finding]:
    """Findings for the secrets in one file's bytes, sorted by (line, column, rule id).

    No finding carries the secret itself: messages and properties hold a redacted form and a
    truncated SHA-256, and the fingerprint hashes the full SHA-256.
    """
    return [finding for finding, _value in scan_secrets_with_values(path, data, engine)]


def secret_values(text: bytes, engine: SecretEngine | None = None) -> list[bytes]:
    """The secret values the detectors find in a text the scan reports (a message, a name): read
    as configuration, not code, so unquoted values count too."""
    if not text:
        return []
    ctx = FileContext(path="", is_code=False, is_lockfile=False)
    return [candidate.value for _, candidate in _drop_shadowed((engine or _ENGINE).candidates(text, ctx))]


def scan_secrets_with_values(
    path: str, data: bytes, engine: SecretEngine | None = None, woken: Collection[int] | None = None
) -> list[tuple[Finding, bytes]]:
    """scan_secrets' findings, each with the value it redacts (kept in memory only: the agent
    hashes it to find the value again in other findings' text). `woken`: see candidates."""
    if not data:
        return []
    ctx = FileContext(path=path, is_code=is_code_file(path), is_lockfile=is_lockfile(path))
    found = _drop_shadowed((engine or _ENGINE).candidates(data, ctx, woken))
    found.sort(key=lambda item: item[1].start)
    positions = _Positions(data)
    findings = []
    for detector, candidate in found:
        start = positions.at(candidate.start)
        end = _end(data, candidate.start, candidate.end, *start)
        findings.append((_finding(path, detector, candidate, start, end), candidate.value))
    findings.sort(key=lambda item: (item[0].location.start_line, item[0].location.start_col, item[0].rule_id))
    return findings
