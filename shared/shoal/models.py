"""Values that travel between pipeline stages: metrics, findings, partitions, plans.

All are frozen dataclasses with plain-dict round trips, so they can be written to shard files and
reports as JSON and read back without loss.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"note": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True)
class LineCounts:
    """Physical lines of one file, counted the way cloc counts them."""

    code: int
    comment: int
    blank: int

    @property
    def total(self) -> int:
        return self.code + self.comment + self.blank


class FunctionMetrics(NamedTuple):
    """One function, method or lambda-like unit, measured the way lizard measures it.

    A NamedTuple rather than a frozen dataclass: a large scan makes and serialises tens of
    thousands of these, and a tuple is built in C (merge of Django: 0.1 s less).
    """

    name: str
    start_line: int  # 1-based
    end_line: int  # 1-based, inclusive
    start_col: int  # 1-based
    ccn: int  # cyclomatic complexity
    nloc: int  # non-comment, non-blank lines of the function
    params: int
    max_nesting: int

    @property
    def length(self) -> int:
        return self.end_line - self.start_line + 1

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FunctionMetrics:
        return cls(
            data["name"], data["start_line"], data["end_line"], data["start_col"],
            data["ccn"], data["nloc"], data["params"], data["max_nesting"],
        )

    def to_dict(self) -> dict[str, Any]:
        data = dict(zip(self._fields, self))
        data["length"] = self.end_line - self.start_line + 1
        return data


# What FileMetrics.to_dict writes: a dict read back with exactly these keys is its own dict form.
_FUNCTION_VALUES = itemgetter(*FunctionMetrics._fields)
_new_function = partial(tuple.__new__, FunctionMetrics)  # what _make does, without its Python frame
_FUNCTION_KEYS = frozenset((*FunctionMetrics._fields, "length"))
_FILE_KEYS = frozenset(("path", "language", "bytes", "lines", "parse_errors", "functions"))
_LINE_KEYS = frozenset(("code", "comment", "blank"))


@dataclass(frozen=True)
class FileMetrics:
    """What the analysis of one source file produced, apart from findings."""

    path: str  # relative to the scanned tree, POSIX separators
    language: str
    bytes: int
    lines: LineCounts
    functions: tuple[FunctionMetrics, ...] = ()
    parse_errors: int = 0  # ERROR/MISSING nodes tree-sitter recovered from

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form; callers must not modify it (it may be the dict from_dict read)."""
        read = self.__dict__.get("_read_from")
        if read is not None:
            return read
        return {
            "path": self.path,
            "language": self.language,
            "bytes": self.bytes,
            "lines": {"code": self.lines.code, "comment": self.lines.comment, "blank": self.lines.blank},
            "parse_errors": self.parse_errors,
            "functions": [f.to_dict() for f in self.functions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileMetrics:
        functions = data["functions"]
        metrics = cls(
            path=data["path"],
            language=data["language"],
            bytes=data["bytes"],
            lines=LineCounts(**data["lines"]),
            # Built in C (itemgetter, tuple.__new__): the merge reads every function of the scan.
            functions=tuple(map(_new_function, map(_FUNCTION_VALUES, functions))),
            parse_errors=data.get("parse_errors", 0),
        )
        # A dict to_dict wrote (a shard, a stored snapshot) is kept and given back by to_dict: the
        # merge re-emits every file, and rebuilding 30,000 function dicts cost Django's 0.025 s.
        # Any other shape (an older writer's) is rebuilt from the fields instead.
        if (
            data.keys() == _FILE_KEYS
            and data["lines"].keys() == _LINE_KEYS
            and all(f.keys() == _FUNCTION_KEYS for f in functions)
        ):
            object.__setattr__(metrics, "_read_from", data)
        return metrics


@dataclass(frozen=True)
class Location:
    path: str
    start_line: int
    start_col: int
    end_line: int
    end_col: int


@dataclass(frozen=True)
class Fix:
    """A rule's suggested change: `text` replaces `region`; `lines` is the whole of lines
    `first_line`..`last_line` after the change, what a GitHub suggestion block replaces."""

    region: Location
    text: str
    first_line: int
    last_line: int
    lines: str
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.description, "region": asdict(self.region), "text": self.text,
                "lines": {"start": self.first_line, "end": self.last_line, "text": self.lines}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fix:
        lines = data["lines"]
        return cls(Location(**data["region"]), data["text"], lines["start"], lines["end"], lines["text"],
                   data.get("description", ""))


@dataclass(frozen=True)
class FlowStep:
    """One place a tainted value passed through: its source, an assignment or call, the sink."""

    path: str
    line: int  # 1-based
    column: int  # 1-based
    message: str


@dataclass(frozen=True)
class Finding:
    """One result of one rule. Equality and ordering ignore nothing; dedupe uses the fingerprint."""

    rule_id: str
    severity: Severity
    confidence: str  # high / medium / low
    message: str
    location: Location
    fingerprint: str  # stable across unrelated line moves: never derived from line numbers; with the path, its identity
    cwe: str | None = None
    properties: tuple[tuple[str, Any], ...] = field(default=())
    fix: Fix | None = None  # not part of the fingerprint: a rule's fix can change, the finding not
    steps: tuple[FlowStep, ...] = ()  # a taint finding's path, source first, sink last

    @property
    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.path, loc.start_line, loc.start_col, self.rule_id, self.fingerprint)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "confidence": self.confidence,
            "cwe": self.cwe,
            "message": self.message,
            "location": asdict(self.location),
            "fingerprint": self.fingerprint,
            "properties": dict(self.properties),
            # Only when there is one: reports of findings without fixes stay byte-identical.
            **({"fix": self.fix.to_dict()} if self.fix is not None else {}),
        }
        if self.steps:  # only taint findings have a path; others keep their form
            data["steps"] = [asdict(s) for s in self.steps]  # type: ignore[assignment]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule_id=data["rule_id"],
            severity=Severity(data["severity"]),
            confidence=data["confidence"],
            cwe=data.get("cwe"),
            message=data["message"],
            location=Location(**data["location"]),
            fingerprint=data["fingerprint"],
            properties=tuple(sorted(data.get("properties", {}).items())),
            fix=Fix.from_dict(data["fix"]) if data.get("fix") else None,
            steps=tuple(FlowStep(**s) for s in data.get("steps", ())),
        )


@dataclass(frozen=True)
class Exclusion:
    """A path the inventory left out, and why (reported, never silent)."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class SourceFile:
    """A file the inventory kept for analysis."""

    path: str  # relative, POSIX separators
    language: str
    bytes: int


@dataclass(frozen=True)
class Partition:
    """A unit of agent work: files of roughly equal estimated cost."""

    id: str  # "p0000"...
    files: tuple[SourceFile, ...]

    @property
    def bytes(self) -> int:
        return sum(f.bytes for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "bytes": self.bytes,
            "files": [{"path": f.path, "language": f.language, "bytes": f.bytes} for f in self.files],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        return cls(id=data["id"], files=tuple(SourceFile(**f) for f in data["files"]))


@dataclass(frozen=True)
class RuleMeta:
    """What a report says about a rule that can produce findings (SARIF reportingDescriptor)."""

    id: str  # stable, category-prefixed: "metrics/cyclomatic-complexity"
    name: str  # PascalCase short name: "CyclomaticComplexity"
    description: str
    default_severity: Severity
    help: str = ""
    cwe: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanResult:
    """Everything the merge step knows about a finished scan; the input of every report writer.

    Collections are sorted (files by path, findings by `Finding.sort_key`), so writers that keep
    the order produce byte-identical output for the same repository and commit.
    """

    scan_id: str
    repository: str  # as the user gave it (URL or path)
    commit: str  # full 40-hex sha of what was analysed
    ref: str | None
    files: tuple[FileMetrics, ...]
    findings: tuple[Finding, ...]
    exclusions: tuple[Exclusion, ...]
    rules: tuple[RuleMeta, ...]
    tool_version: str
    failure_threshold: Severity | None = Severity.ERROR  # None: the scan never fails
    diagnostics: tuple[str, ...] = ()
    # Partitions whose agents failed: {"partition", "error", "files"}; non-empty means partial.
    failed_partitions: tuple[dict[str, Any], ...] = ()
    diff: DiffInfo | None = None  # set for a scan of a change (base..head)
    baseline: Comparison | None = None  # set when a baseline was in effect
    fail_on_new_only: bool = True  # with a baseline: only new findings can fail the scan
    # A dirty working tree (shoal.source.worktree): repository, the commit its edits apply to, and counts
    # of modified, added, deleted and untracked files; `commit` is then the staged copy's digest.
    worktree: dict[str, Any] | None = None


@dataclass(frozen=True)
class DiffInfo:
    """What a diff scan covered: the change and how its findings were filtered."""

    base: str
    merge_base: str
    head: str
    touched: int  # files added, modified, renamed or copied
    deleted: tuple[str, ...]
    renamed: int
    changed_lines: int
    all_findings: bool  # True: every finding in touched files; False: only on changed lines
    hidden: int  # findings in touched files but off the changed lines (not reported)

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "merge_base": self.merge_base,
            "head": self.head,
            "files_touched": self.touched,
            "files_deleted": len(self.deleted),
            "deleted": list(self.deleted),
            "files_renamed": self.renamed,
            "changed_lines": self.changed_lines,
            "findings": "all in touched files" if self.all_findings else "on changed lines",
            "findings_off_changed_lines": self.hidden,
            "coverage": "files, lines, functions and languages count only the files the change touches",
        }


NEW, UNCHANGED, ABSENT = "new", "unchanged", "absent"  # SARIF baselineState values


def finding_key(finding: Finding) -> tuple[str, str]:
    """What identifies a finding in a repository: its path and its fingerprint."""
    return finding.location.path, finding.fingerprint


@dataclass(frozen=True)
class Comparison:
    """A scan's findings against a baseline: which fingerprints it knew, and what it lost."""

    source: str  # "committed" (.shoal-baseline.json) or "workspace"
    branch: str
    commit: str
    known: frozenset[tuple[str, str]]  # (path, fingerprint) of baseline findings in the compared files
    fixed: tuple[Finding, ...]  # baseline findings in the compared files that are gone, sorted

    def state(self, finding: Finding) -> str:
        return UNCHANGED if finding_key(finding) in self.known else NEW

    def counts(self, findings: Iterable[Finding]) -> dict[str, int]:
        states = [self.state(f) for f in findings]
        return {"new": states.count(NEW), "unchanged": states.count(UNCHANGED), "fixed": len(self.fixed)}
