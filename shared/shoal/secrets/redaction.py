"""Secret values found again, by keyed hash, in any text a scan reports (messages, names, diagnostics)
and redacted there as secret findings show them: agents hash what they find, the merge unites it all.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from shoal.models import FileMetrics, Finding
from shoal.secrets.filters import redact

MIN_KEY_BYTES = 16  # unkeyed (or weakly keyed) hashes of short passwords fall to a dictionary
VALUE_DIGEST_BYTES = 16
PREFIX_DIGEST_BYTES = 8  # many per value, compared only where a snippet was cut
# The rules engine cuts a quoted capture after 79 characters and appends "…" (engine._SNIPPET_CHARS):
# a value that starts inside a snippet can end cut, as a prefix of at most that many characters.
MAX_PREFIX = 79
MIN_PREFIX = 3
ELLIPSIS = "\u2026"


@functools.cache
def _kept(size: int) -> tuple[int, int]:
    """How many leading and trailing characters `redact` keeps of a value of `size` characters."""
    shown = redact("\0" * size)
    return shown.index(ELLIPSIS), len(shown) - shown.index(ELLIPSIS) - 1


@dataclass
class FileSecrets:
    """The hashes one file contributes: its values ("<length>:<hex>:<shown>") and their prefixes
    ("<hex>"). <shown> is what `redact` keeps of the value (head and tail), which the reports
    show anyway: a cheap test that spares hashing most windows of most texts."""

    values: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, list[str]]:
        return {"values": sorted(self.values), "prefixes": sorted(self.prefixes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileSecrets:
        return cls(set(data.get("values", ())), set(data.get("prefixes", ())))


class Redactor:
    """Finds hashed secret values in text and replaces them with their redacted form.

    A value of six characters or more is found anywhere; a shorter one (a connection URL's
    password can have three) and the start of a value cut by a snippet's end only where they
    stand as a token: at the text's edge or next to a character that is not an ASCII letter or
    digit (`"`, `'`, `=`, `:`, `@`, space, a `\\n` escape).
    """

    def __init__(self, key: str) -> None:
        self._key = bytes.fromhex(key)
        if len(self._key) < MIN_KEY_BYTES:
            raise ValueError(f"a redaction key of at least {MIN_KEY_BYTES} bytes is needed, not {len(self._key)}")
        self._values: set[bytes] = set()
        self._prefixes: set[bytes] = set()
        # What redact shows of each value: its head leads the search, its tail is checked before hashing.
        self._by_head: dict[str, set[tuple[int, str]]] = {}  # head -> (length, tail), for values with a head
        self._headless: set[int] = set()  # lengths of values too short for redact to show any of them
        self._shapes: re.Pattern[str] | None = None  # built on first use, after the last add

    def __bool__(self) -> bool:
        return bool(self._values)

    def _digest(self, text: str, size: int) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._key, digest_size=size).digest()

    def hash_value(self, value: str) -> FileSecrets:
        """The hashes of one secret value (kept here too), to record in a shard."""
        found = FileSecrets()
        if not value:
            return found
        head, tail = _kept(len(value))
        shown = value[:head] + value[len(value) - tail:]
        found.values.add(f"{len(value)}:{self._digest(value, VALUE_DIGEST_BYTES).hex()}:{shown}")
        for size in range(max(MIN_PREFIX, head + 1), min(len(value) - 1, MAX_PREFIX) + 1):
            found.prefixes.add(self._digest(value[:size], PREFIX_DIGEST_BYTES).hex())
        self.add(found)
        return found

    def add(self, found: FileSecrets) -> None:
        """Hashes recorded by an agent (or a results snapshot) under the same key."""
        for entry in found.values:
            size_text, digest, shown = entry.split(":", 2)
            size = int(size_text)
            head, _ = _kept(size)
            self._values.add(bytes.fromhex(digest))
            if head:
                self._by_head.setdefault(shown[:head], set()).add((size, shown[head:]))
            else:
                self._headless.add(size)
        self._prefixes.update(bytes.fromhex(p) for p in found.prefixes)
        self._shapes = None

    def may_hold(self, text: str) -> bool:
        """False when `text` cannot hold a value or a cut prefix: one search in C for what redact
        shows of each value, at the right distance, rules out most texts (and all the names of a
        file at once)."""
        if not self._values or not text:
            return False
        if self._headless:
            return True
        if ELLIPSIS in text and any(head in text for head in self._by_head):
            return True  # perhaps a cut prefix
        if self._shapes is None:
            self._shapes = re.compile(_trie({
                head: "|".join(f".{{{size - len(head) - len(tail)}}}{re.escape(tail)}" for size, tail in sorted(shapes))
                for head, shapes in self._by_head.items()
            }))
        return self._shapes.search(text) is not None

    def redact(self, text: str) -> str:
        """`text` with every secret value (or cut prefix of one) replaced as `filters.redact` shows it."""
        if not self.may_hold(text):
            return text
        spans = [*self._headed_values(text), *self._headless_values(text)]
        if self._prefixes and ELLIPSIS in text:
            spans.extend(self._cut_prefixes(text))
        return _replace(text, spans) if spans else text

    def _matches(self, text: str, start: int, end: int) -> bool:
        return self._digest(text[start:end], VALUE_DIGEST_BYTES) in self._values

    def _headed_values(self, text: str) -> list[tuple[int, int]]:
        """Values found wherever their head, their tail and their length say they could be."""
        spans: list[tuple[int, int]] = []
        for head, shapes in self._by_head.items():
            start = text.find(head)
            while start >= 0:
                spans.extend(
                    (start, start + size) for size, tail in shapes
                    if start + size <= len(text) and text.startswith(tail, start + size - len(tail))
                    and self._matches(text, start, start + size)
                )
                start = text.find(head, start + 1)
        return spans

    def _headless_values(self, text: str) -> list[tuple[int, int]]:
        """Values under six characters (redact shows none of them): only as a token of their own,
        where hashing every window is affordable and a match inside a word would be chance."""
        if not self._headless:
            return []
        return [
            (start, start + size) for start in range(len(text)) if _starts_token(text, start)
            for size in self._headless
            if start + size <= len(text) and _ends_token(text, start + size) and self._matches(text, start, start + size)
        ]

    def _cut_prefixes(self, text: str) -> list[tuple[int, int]]:
        """A value cut by a snippet's end ("…"): the longest hashed prefix right before it."""
        spans = []
        cut = text.find(ELLIPSIS)
        while cut >= 0:
            for start in self._prefix_starts(text, cut):
                if _starts_token(text, start) and self._digest(text[start:cut], PREFIX_DIGEST_BYTES) in self._prefixes:
                    spans.append((start, cut))
                    break
            cut = text.find(ELLIPSIS, cut + 1)
        return spans

    def _prefix_starts(self, text: str, cut: int) -> list[int]:
        """Where a prefix ending at `cut` could start, longest first: at a head, when every value has one."""
        first, last = max(0, cut - MAX_PREFIX), cut - MIN_PREFIX
        if self._headless:
            return list(range(first, last + 1))
        starts = set()
        for head in self._by_head:
            start = text.find(head, first, cut)
            while 0 <= start <= last:
                starts.add(start)
                start = text.find(head, start + 1, cut)
        return sorted(starts)


def _trie(branches: Mapping[str, str]) -> str:
    """A regex for `head(?:suffix)` over every head, shared first characters factored out: the
    regex engine tries alternatives one by one, so a thousand values' heads would cost a thousand
    tries at every position of every text; as a trie, a few."""
    parts = []
    for first, group in itertools.groupby(sorted(branches.items()), key=lambda item: item[0][:1]):
        items = list(group)
        if len(items) == 1:
            head, suffix = items[0]
            parts.append(f"{re.escape(head)}(?:{suffix})")
        else:
            parts.append(f"{re.escape(first)}(?:{_trie({head[1:]: suffix for head, suffix in items})})")
    return "|".join(parts)


_ALNUM = frozenset(string.ascii_letters + string.digits)


def _starts_token(text: str, index: int) -> bool:
    """A value may start at the text's start, next to a character that is not an ASCII letter or
    digit (or on one), or after an escape such as `\\n`."""
    return (
        index == 0 or text[index - 1] not in _ALNUM or text[index] not in _ALNUM
        or (index >= 2 and text[index - 2] == "\\")
    )


def _ends_token(text: str, index: int) -> bool:
    return index == len(text) or text[index] not in _ALNUM or text[index - 1] not in _ALNUM


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
    if not redactor.may_hold("\n".join(f.name for f in metrics.functions)):
        return metrics
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


def scan_redactor(plan: Path, hashes: Path) -> Redactor | None:
    """The merge's Redactor again, from the scan's plan.json (the key) and secrets.json (the
    hashes it left beside them); None when the scan found no secret."""
    if not hashes.is_file():
        return None
    import json

    redactor = Redactor(str(json.loads(plan.read_bytes())["redaction_key"]))
    for hashed in json.loads(hashes.read_bytes()).values():
        redactor.add(FileSecrets.from_dict(hashed))
    return redactor
