"""The types the secret detectors share: what a detector is, what it hands the scanner, and
small helpers over re2 match objects."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import re2

from shoal.models import RuleMeta, Severity

Confidence = Literal["high", "medium", "low"]
Match = Any  # re2's match object (re2._Match), which the library does not export


@dataclass(frozen=True)
class FileContext:
    path: str
    is_code: bool  # unquoted right-hand sides are expressions, not literal values
    is_lockfile: bool


@dataclass(frozen=True)
class Candidate:
    """A secret a detector accepted: where it is and what it is, before it becomes a Finding."""

    start: int  # byte offsets of what the finding's location covers
    end: int
    value: bytes  # what is hashed and redacted; never reported as is
    confidence: Confidence
    properties: tuple[tuple[str, Any], ...] = ()


Extract = Callable[[Match, bytes, FileContext], "Candidate | None"]


@dataclass(frozen=True)
class Detector:
    """One rule: an RE2 pattern over bytes finds candidates, `extract` accepts or drops each."""

    meta: RuleMeta
    label: str  # noun used in messages: "GitHub token"
    pattern: bytes
    prefilter: bytes  # literals only (RE2 alternation): one cheap pass decides which patterns run
    extract: Extract
    generic: bool = False  # skips lockfiles, and loses to a specific detector on the same bytes
    anywhere: bool = False  # its keyword may be anywhere in the file (a client call's SDK import)


def rule_meta(slug: str, name: str, label: str, severity: Severity, description: str) -> RuleMeta:
    return RuleMeta(
        id=f"secrets/{slug}",
        name=name,
        description=description,
        default_severity=severity,
        help=(
            f"Revoke and rotate this {label} now (it stays in the repository history), then load it "
            "at runtime from a secret store or the environment instead of committing it."
        ),
        cwe="CWE-798",
        tags=("security", "secrets"),
    )


def latin1_options(max_mem: int = 8 << 20) -> re2.Options:
    """RE2 options for patterns over bytes: Latin-1 makes every byte one character, so any
    input is valid and match offsets are byte offsets."""
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    options.max_mem = max_mem
    return options


def compile_pattern(pattern: bytes, max_mem: int = 8 << 20) -> Any:
    """An RE2 regex over bytes: linear-time matching whatever the input."""
    return re2.compile(pattern, latin1_options(max_mem))


@functools.cache
def _group_index(regex: Any, name: str) -> int:
    # re2 match objects resolve a group name through a C++ map on every call; do it once per
    # pattern. The patterns are bytes, so re2 keys their group names by bytes.
    return regex.groupindex[name.encode("ascii")]


def group(match: Match, name: str) -> bytes | None:
    return match.group(_group_index(match.re, name))


def span(match: Match, name: str = "secret") -> tuple[int, int]:
    return match.span(_group_index(match.re, name))
