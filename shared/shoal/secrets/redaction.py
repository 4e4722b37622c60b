"""Secret values found again in the text a scan reports (messages, names, diagnostics), by keyed hash.

An agent hashes each secret value its partition holds (and the prefixes a cut snippet can end on)
with the scan's key; the merge unites every partition's hashes and redacts, in every text of every
partition, each token whose hash is among them, as secret findings show their own value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from shoal.models import FileMetrics, Finding
from shoal.secrets.filters import redact

VALUE_DIGEST_BYTES = 16
PREFIX_DIGEST_BYTES = 8  # many per value, compared only where a snippet was cut
# The rules engine cuts a quoted capture after 79 characters and appends "…" (engine._SNIPPET_CHARS):
# a value that starts inside a snippet can end cut, as a prefix of at most that many characters.
MAX_PREFIX = 79
MIN_PREFIX = 3
ELLIPSIS = "\u2026"
_CUT = re.compile(r"[^A-Za-z0-9]")


def _shown_head(size: int) -> int:
    """How many leading characters `redact` keeps for a value of `size` characters."""
    return 4 if size >= 16 else 2 if size >= 10 else 1 if size >= 6 else 0


@dataclass
class FileSecrets:
    """The hashes one file contributes: its values ("<length>:<hex>") and their prefixes ("<hex>")."""

    values: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, list[str]]:
        return {"values": sorted(self.values), "prefixes": sorted(self.prefixes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileSecrets:
        return cls(set(data.get("values", ())), set(data.get("prefixes", ())))


class Redactor:
    """Finds hashed secret values in text and replaces them with their redacted form.

    A value is found where it stands as a token: each end at the text's edge or next to a
    character that is not an ASCII letter or digit (`"`, `'`, `=`, `:`, `@`, space, a `\\n`
    escape). A value glued inside a longer word is left to the detectors, which the agents also
    run over every text.
    """

    def __init__(self, key: str) -> None:
        self._key = bytes.fromhex(key)
        self._values: set[bytes] = set()
        self._prefixes: set[bytes] = set()
        self._lengths: list[int] = []  # longest first: the longest value wins at a start

    def __bool__(self) -> bool:
        return bool(self._values)

    def _digest(self, text: str, size: int) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._key, digest_size=size).digest()

    def hash_value(self, value: str) -> FileSecrets:
        """The hashes of one secret value (kept here too), to record in a shard."""
        found = FileSecrets()
        if not value:
            return found
        found.values.add(f"{len(value)}:{self._digest(value, VALUE_DIGEST_BYTES).hex()}")
        top = min(len(value) - 1, MAX_PREFIX)
        for size in range(max(MIN_PREFIX, _shown_head(len(value)) + 1), top + 1):
            found.prefixes.add(self._digest(value[:size], PREFIX_DIGEST_BYTES).hex())
        self.add(found)
        return found

    def add(self, found: FileSecrets) -> None:
        """Hashes recorded by an agent (or a results snapshot) under the same key."""
        lengths = set(self._lengths)
        for entry in found.values:
            size, _, digest = entry.partition(":")
            self._values.add(bytes.fromhex(digest))
            lengths.add(int(size))
        self._prefixes.update(bytes.fromhex(p) for p in found.prefixes)
        self._lengths = sorted(lengths, reverse=True)

    def redact(self, text: str) -> str:
        """`text` with every secret value (or cut prefix of one) replaced as `filters.redact` shows it."""
        if not self._values or not text or (len(text) < self._lengths[-1] and ELLIPSIS not in text):
            return text
        starts, ends = _cuts(text)
        spans = self._whole_values(text, starts, ends)
        if self._prefixes and ELLIPSIS in text:
            spans.extend(self._cut_prefixes(text, starts))
        return _replace(text, spans) if spans else text

    def _whole_values(self, text: str, starts: list[int], ends: set[int]) -> list[tuple[int, int]]:
        spans = []
        size = len(text)
        for start in starts:
            for length in self._lengths:
                end = start + length
                if end <= size and end in ends and self._digest(text[start:end], VALUE_DIGEST_BYTES) in self._values:
                    spans.append((start, end))
                    break
        return spans

    def _cut_prefixes(self, text: str, starts: list[int]) -> list[tuple[int, int]]:
        spans = []
        begins = set(starts)
        cut = text.find(ELLIPSIS)
        while cut >= 0:
            for size in range(min(cut, MAX_PREFIX), MIN_PREFIX - 1, -1):
                start = cut - size
                if start in begins and self._digest(text[start:cut], PREFIX_DIGEST_BYTES) in self._prefixes:
                    spans.append((start, cut))
                    break
            cut = text.find(ELLIPSIS, cut + 1)
        return spans


def _cuts(text: str) -> tuple[list[int], set[int]]:
    """Where a token may start and end: the text's edges and either side of every character that
    is not an ASCII letter or digit; also after an escape such as `\\n`."""
    starts = {0}
    ends = {len(text)}
    for match in _CUT.finditer(text):
        index = match.start()
        starts.update((index, index + 1))
        ends.update((index, index + 1))
        if text[index] == "\\":
            starts.add(index + 2)
    return sorted(starts), ends


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    """Overlapping spans are redacted as one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out.append(text[last:start])
        out.append(redact(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------ applied to a scan's results


def finding_texts(finding: Finding) -> Iterable[str]:
    yield finding.message
    for _, value in finding.properties:
        if isinstance(value, str):
            yield value


def redact_finding(redactor: Redactor, finding: Finding) -> Finding:
    message = redactor.redact(finding.message)
    properties = tuple(
        (name, redactor.redact(value) if isinstance(value, str) else value) for name, value in finding.properties
    )
    if message == finding.message and properties == finding.properties:
        return finding
    return replace(finding, message=message, properties=properties)


def redact_file(redactor: Redactor, metrics: FileMetrics) -> FileMetrics:
    """The file's metrics with secret values in function names redacted (rebuilt only then)."""
    names = [redactor.redact(f.name) for f in metrics.functions]
    if all(new is f.name or new == f.name for new, f in zip(names, metrics.functions)):
        return metrics
    functions = tuple(f._replace(name=name) for f, name in zip(metrics.functions, names))
    return FileMetrics(metrics.path, metrics.language, metrics.bytes, metrics.lines, functions, metrics.parse_errors)


@dataclass(frozen=True)
class Redacted:
    files: list[FileMetrics]
    findings: list[Finding]
    diagnostics: list[str]
    changed: bool  # some text held a secret value


def redact_results(
    redactor: Redactor, files: Iterable[FileMetrics], findings: Iterable[Finding], diagnostics: Iterable[str]
) -> Redacted:
    files, findings, diagnostics = list(files), list(findings), list(diagnostics)
    if not redactor:
        return Redacted(files, findings, diagnostics, False)
    new_files = [redact_file(redactor, f) for f in files]
    new_findings = [redact_finding(redactor, f) for f in findings]
    new_diagnostics = [redactor.redact(d) for d in diagnostics]
    changed = (
        any(a is not b for a, b in zip(new_files, files))
        or any(a is not b for a, b in zip(new_findings, findings))
        or new_diagnostics != diagnostics
    )
    return Redacted(new_files, new_findings, new_diagnostics, changed)
