"""Rules as data: load YAML rule files, validate them, compile their queries, index them by id.

A rule that cannot work is refused when it is loaded, never half-applied during a scan: an
unknown language, a query that does not compile (with the row and column in the query), a query
without the `@finding` capture, a constraint on a capture no query has, an invalid regex, a
qualified name in `calls` that cannot be read (naming the field).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import re2
import yaml
from tree_sitter import QueryError

from shoal.analysis import parser
from shoal.analysis.taint.spec import SpecError, TaintRule, parse_propagators, parse_sanitizers, parse_sinks, parse_sources
from shoal.errors import InputError
from shoal.rules.calls import CallSpec, CallSpecError, parse_calls
from shoal.models import RuleMeta, Severity

if TYPE_CHECKING:
    import jsonschema

RULE_SUFFIXES = (".yaml", ".yml")
# libyaml's safe loader when PyYAML was built with it (the wheels are): ten times the pure one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FINDING_CAPTURE = "finding"
SEARCH, TAINT, TAINT_MODEL = "search", "taint", "taint-model"


class RuleError(InputError):
    """A rule file is invalid; the message names the file, the rule and what is wrong."""


@dataclass(frozen=True)
class Constraint:
    """Conditions on the text or kind of one capture; all that are set must hold."""

    capture: str
    equals: frozenset[str] | None = None
    not_equals: frozenset[str] | None = None
    matches: Any = None  # compiled re2 pattern: linear time whatever the rule author wrote
    not_matches: Any = None
    string_literal: bool | None = None
    code_only: bool = False  # the regexes see code: string contents and comments are blanked


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    confidence: str
    message: str
    languages: tuple[str, ...]
    queries: tuple[str, ...]
    constraints: tuple[Constraint, ...] = ()
    calls: tuple[CallSpec, ...] = ()  # calls to named functions, matched through name resolution
    cwe: str | None = None
    description: str = ""
    help: str = ""
    references: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""  # the file it came from, for error messages and `shoal rules show`
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    mode: str = SEARCH
    taint: TaintRule | None = None  # mode taint: its sinks (and sources, sanitisers); taint-model: its sources...
    note_message: str = ""  # mode taint: the message of a query match that no source reaches

    @property
    def reports(self) -> bool:
        """A taint model only feeds the taint rules: it never reports anything itself."""
        return self.mode != TAINT_MODEL

    @property
    def meta(self) -> RuleMeta:
        return RuleMeta(
            id=self.id,
            name=self.name,
            description=self.description or self.message,
            default_severity=self.severity,
            help=self.help,
            cwe=self.cwe,
            tags=("security", *self.tags) if "security" not in self.tags else self.tags,
        )


@cache
def _schema_validator() -> jsonschema.Draft7Validator:
    import jsonschema  # here, not at the top: a metrics-only scan never validates a rule file

    text = resources.files("shoal.rules").joinpath("schema", "rule.schema.json").read_text("utf-8")
    return jsonschema.Draft7Validator(json.loads(text))


def parse_rule(data: Any, source: str, built_in: bool = False) -> Rule:
    """Validate one rule document and compile everything in it, or raise RuleError.

    `built_in` skips what the table-driven test of the built-in rules does for every one of them,
    at scan time: compiling each query on its own (a second per process) and checking the
    document against the schema (0.1 s with jsonschema's import, on the plan step's path).
    """
    rule_id = data.get("id") if isinstance(data, dict) else None
    where = f"{source}: rule {rule_id}" if rule_id else f"{source}: rule without an id"
    errors = [] if built_in else sorted(_schema_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        at = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise RuleError(f"{where}: {error.message} (at {at})")
    languages = tuple(data["languages"])
    unknown = [lang for lang in languages if lang not in parser.GRAMMARS]
    if unknown:
        raise RuleError(
            f"{where}: unknown language {', '.join(unknown)}: known are {', '.join(sorted(parser.GRAMMARS))}"
        )
    queries = tuple(data.get("queries") or ())
    mode = data.get("mode", SEARCH)
    if not queries and not data.get("calls") and mode == SEARCH:
        raise RuleError(f"{where}: give 'queries' (tree-sitter queries), 'calls' (qualified names) or both")
    captures = None if built_in else _check_queries(queries, languages, where)
    try:
        calls = parse_calls(data.get("calls"), languages)
    except CallSpecError as exc:
        raise RuleError(f"{where}: {exc}") from None
    return Rule(
        id=data["id"],
        name=data["name"],
        severity=Severity(data.get("severity", "note")),
        confidence=data.get("confidence", "high"),
        message=data.get("message", ""),
        languages=languages,
        queries=queries,
        constraints=tuple(_constraints(data.get("where", {}), captures, where)),
        calls=calls,
        cwe=data.get("cwe"),
        description=data.get("description", ""),
        help=data.get("help", ""),
        references=tuple(data.get("references", ())),
        tags=tuple(data.get("tags", ())),
        source=source,
        raw=data,
        mode=mode,
        taint=_taint(data, where) if mode != SEARCH else None,
        note_message=data.get("note_message", ""),
    )


def _taint(data: Mapping[str, Any], where: str) -> TaintRule:
    """The sources, sinks, sanitisers and propagators of a taint rule or model, compiled."""
    try:
        sinks = parse_sinks(data.get("sinks", ()))
        # A rule's own sanitisers protect its own sinks unless they say which classes.
        classes = sorted({s.sink_class for s in sinks}) or ["all"]
        sanitizers = parse_sanitizers([{"classes": classes, **entry} for entry in data.get("sanitizers", ())])
        return TaintRule(
            rule_id=data["id"],
            sinks=sinks,
            sources=parse_sources(data.get("sources", ())),
            sanitizers=sanitizers,
            propagators=parse_propagators(data.get("propagators", ())),
        )
    except (SpecError, KeyError, TypeError) as exc:
        raise RuleError(f"{where}: invalid taint entry: {exc}") from None


def _check_queries(queries: Sequence[str], languages: Sequence[str], where: str) -> set[str]:
    """Compile every query for every language; return the capture names they define."""
    names: set[str] = set()
    for number, text in enumerate(queries, start=1):
        for language in languages:
            try:
                query = parser.compile_query(language, text)
            except QueryError as exc:
                raise RuleError(
                    f"{where}: query {number} does not compile for {language}: {exc} "
                    "(rows and columns count from 0 at the start of the query)"
                ) from None
            found = [query.capture_name(i) for i in range(query.capture_count)]
            missing = _patterns_without_finding(query, found)
            if missing:
                raise RuleError(
                    f"{where}: query {number} has a pattern without the @{FINDING_CAPTURE} capture "
                    f"(pattern {missing[0] + 1} of {query.pattern_count}): capture the node the finding "
                    "should point at, and keep predicates inside the pattern's parentheses"
                )
            names |= set(found)
    return names


def _patterns_without_finding(query: Any, captures: list[str]) -> list[int]:
    """Indexes of patterns that do not capture @finding (a stray predicate makes one)."""
    if FINDING_CAPTURE not in captures:
        return list(range(query.pattern_count))
    index = captures.index(FINDING_CAPTURE)
    missing = []
    for pattern in range(query.pattern_count):
        try:
            query.capture_quantifier(pattern, index)
        except SystemError:  # the binding raises for "zero": the pattern lacks the capture
            missing.append(pattern)
    return missing


def _constraints(where_data: Mapping[str, Any], captures: set[str] | None, where: str) -> Iterable[Constraint]:
    for capture, spec in sorted(where_data.items()):
        if captures is not None and capture not in captures:
            raise RuleError(
                f"{where}: 'where' names capture @{capture}, which no query defines "
                f"(captures: {', '.join(sorted('@' + c for c in captures))})"
            )
        yield Constraint(
            capture=capture,
            equals=_texts(spec.get("equals")),
            not_equals=_texts(spec.get("not_equals")),
            matches=_regex(spec.get("matches"), where, capture),
            not_matches=_regex(spec.get("not_matches"), where, capture),
            string_literal=spec.get("string_literal"),
            code_only=bool(spec.get("code_only", False)),
        )


def _texts(value: str | list[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _regex(pattern: str | None, where: str, capture: str) -> Any:
    if pattern is None:
        return None
    try:
        return _compiled(pattern)
    except re2.error as exc:
        raise RuleError(f"{where}: the regex for @{capture} is invalid: {exc}") from None


@cache
def _compiled(pattern: str) -> Any:
    # One object per pattern: re2's own cache is small, and rules loaded twice (checked, then
    # scanned) must compare equal, which compiled regexes do only when they are the same object.
    return re2.compile(pattern)


def load_rule_file(path: Path, relative_to: Path | None = None, built_in: bool = False) -> Rule:
    """One rule per YAML file: the file name is how users and errors find it (relative to the
    repository for a repository's own rules, not the workspace path it was exported to)."""
    source = str(path.relative_to(relative_to)) if relative_to is not None else str(path)
    try:
        # A safe loader, only picked at import time. shoal: ignore[deserialization/python-yaml-load]
        data = yaml.load(path.read_text("utf-8"), Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        position = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RuleError(f"{source}: not valid YAML{position}: {exc.problem}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{source}: cannot read the rule: {exc}") from None
    return parse_rule(data, source, built_in)


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())


def load_rules(folder: Path, relative_to: Path | None = None, built_in: bool = False) -> tuple[Rule, ...]:
    """Every rule under `folder`; two rules with one id are refused, naming both files."""
    shown = folder.relative_to(relative_to) if relative_to is not None else folder
    if not folder.is_dir():
        raise RuleError(f"{shown}: no such rules folder")
    rules: dict[str, Rule] = {}
    for path in rule_files(folder):
        rule = load_rule_file(path, relative_to, built_in)
        if rule.id in rules:
            raise RuleError(f"{path}: rule {rule.id} is already defined in {rules[rule.id].source}")
        rules[rule.id] = rule
    return tuple(rules[i] for i in sorted(rules))


def builtin_folder() -> Path:
    return Path(str(resources.files("shoal.rules").joinpath("builtin")))


@cache
def builtin_rules() -> tuple[Rule, ...]:
    return load_rules(builtin_folder(), built_in=True)


@dataclass(frozen=True)
class RuleSet:
    """The rules a scan runs: built-in plus user rules, minus disabled ones, severities applied."""

    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        seen: dict[str, str] = {}
        for rule in self.rules:
            if rule.id in seen:
                raise RuleError(f"{rule.source}: rule {rule.id} is already defined in {seen[rule.id]}")
            seen[rule.id] = rule.source

    @property
    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def for_language(self, language: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if language in rule.languages)

    def configured(self, disable: Iterable[str] = (), severity: Mapping[str, str] | None = None) -> RuleSet:
        """Drop disabled rules and apply severity overrides; unknown ids are an error, not a no-op."""
        known = self.by_id
        disabled = set(disable)
        overrides = dict(severity or {})
        unknown = sorted((disabled | set(overrides)) - set(known))
        if unknown:
            raise InputError(f"unknown rule id(s) {', '.join(unknown)}: `shoal rules list` shows the ids")
        kept = []
        for rule in self.rules:
            if rule.id in disabled:
                continue
            if rule.id in overrides:
                rule = replace(rule, severity=Severity(overrides[rule.id]))
            kept.append(rule)
        return RuleSet(tuple(kept))
