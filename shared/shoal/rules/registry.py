"""Rules as data: load YAML rule files, validate them, compile their queries, index them by id.

A rule that cannot work is refused when it is loaded, never half-applied during a scan: an
unknown language, a query that does not compile (with the row and column in the query), a query
without the `@finding` capture, a constraint on a capture no query has, a regex RE2 cannot compile,
a qualified name in `calls` that cannot be read (naming the field). A repository's rules are
untrusted input (a fork's pull request brings its own): files and the folder are bounded in size
and count, YAML anchors and aliases are refused (a 478-byte "billion laughs" took gigabytes), and
messages quote at most a short excerpt of what a file holds.
"""

from __future__ import annotations

import difflib

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

from shoal.analysis import parser, querytext
from shoal.analysis.taint.spec import SpecError, TaintRule, parse_propagators, parse_sanitizers, parse_sinks, parse_sources
from shoal.errors import InputError
from shoal.rules.calls import CallSpec, CallSpecError, parse_calls
from shoal.models import RuleMeta, Severity
from shoal.rules.fixes import FixTemplate, FixTemplateError, check_captures, parse_fix

if TYPE_CHECKING:
    import jsonschema

RULE_SUFFIXES = (".yaml", ".yml")
# libyaml's safe loader when PyYAML was built with it (the wheels are): ten times the pure one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FINDING_CAPTURE = "finding"
# Bounds on what a rules folder may hold: the largest built-in rule is 8 kB, and compiling a 64 kB
# query takes tree-sitter about 2 s per language.
MAX_RULE_FILE_BYTES = 64 * 1024
MAX_RULES_FOLDER_BYTES = 2 * 1024 * 1024
MAX_RULE_FILES = 1000
MAX_YAML_DEPTH = 32  # nested mappings and sequences; libyaml's composer recurses (crashed at 100,000)
_MESSAGE_CHARS = 300  # of a schema error's message, which quotes the value at fault

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
    fix: FixTemplate | None = None  # a suggested replacement over the captures
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
    where = f"{source}: rule {_shown(rule_id)}" if isinstance(rule_id, str) and rule_id else f"{source}: rule without an id"
    errors = [] if built_in else sorted(_schema_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        at = "/".join(_shown(str(p), 40) for p in error.absolute_path) or "(top level)"
        raise RuleError(f"{where}: {_schema_message(error)} (at {at})")
    languages = tuple(data["languages"])
    unknown = [lang for lang in languages if lang not in parser.GRAMMARS]
    if unknown:
        raise RuleError(
            f"{where}: unknown language {_cut(', '.join(unknown))}: known are {', '.join(sorted(parser.GRAMMARS))}"
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
    if calls and captures is not None:
        captures = captures | set(CALL_CAPTURES)
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
        fix=_fix(data.get("fix"), captures, where),
        mode=mode,
        taint=_taint(data, where) if mode != SEARCH else None,
        note_message=data.get("note_message", ""),
    )


# What a fix may name in a `calls` rule: the call, its callee as written, its argument list, and
# its positional arguments (as the engine hands them to shoal.rules.fixes).
CALL_CAPTURES = ("finding", "fn", "args", *(f"arg{index}" for index in range(10)))


def _fix(data: Mapping[str, Any] | None, captures: set[str] | None, where: str) -> FixTemplate | None:
    if data is None:
        return None
    try:
        template = parse_fix(data)
        if captures is not None:
            check_captures(template, captures)
    except FixTemplateError as exc:
        raise RuleError(f"{where}: {exc}") from None
    return template


def _shown(value: str, limit: int = 80) -> str:
    """Text from a rule file as a message may show it: short and printable as it is, else an excerpt."""
    return value if len(value) <= limit and value.isprintable() else querytext.excerpt(value, limit)


def _cut(message: str) -> str:
    return message if len(message) <= _MESSAGE_CHARS else message[: _MESSAGE_CHARS - 1] + "…"


def _schema_message(error: Any) -> str:
    """jsonschema's message, which most often starts with the whole value at fault: cut to an
    excerpt, keeping what is wrong with it."""
    message, value = error.message, repr(error.instance)
    if len(value) > 60 and message.startswith(value):
        message = value[:59] + "…" + message[len(value) :]
    return _cut(message)


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
            except querytext.QueryTextError as exc:
                raise RuleError(f"{where}: query {number} (field queries[{number - 1}]): {exc} "
                                "(rows and columns count from 0 at the start of the query)") from None
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
            matches=_regex(spec.get("matches"), where, capture, "matches"),
            not_matches=_regex(spec.get("not_matches"), where, capture, "not_matches"),
            string_literal=spec.get("string_literal"),
            code_only=bool(spec.get("code_only", False)),
        )


def _texts(value: str | list[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _regex(pattern: str | None, where: str, capture: str, name: str) -> Any:
    if pattern is None:
        return None
    try:
        return _compiled(pattern)
    except re2.error as exc:
        raise RuleError(
            f"{where}: field where.{_shown(capture, 40)}.{name}: the regex for @{_shown(capture, 40)} is invalid: "
            f"RE2 cannot compile {querytext.excerpt(pattern)}: {exc} "
            "(RE2 runs in linear time: no lookaround, no backreferences)"
        ) from None


@cache
def _compiled(pattern: str) -> Any:
    # One object per pattern: re2's own cache is small, and rules loaded twice (checked, then
    # scanned) must compare equal, which compiled regexes do only when they are the same object.
    return querytext.compile_regex(pattern)


def load_rule_file(path: Path, relative_to: Path | None = None, built_in: bool = False) -> Rule:
    """One rule per YAML file: the file name is how users and errors find it (relative to the
    repository for a repository's own rules, not the workspace path it was exported to)."""
    source = source_name(path, relative_to)
    data = load_yaml_file(path, source)
    if is_detectors_document(data):
        raise RuleError(f"{source}: holds secret detectors (a top-level `detectors:` key), not a rule")
    return parse_rule(data, source, built_in)


def source_name(path: Path, relative_to: Path | None) -> str:
    return str(path.relative_to(relative_to)) if relative_to is not None else str(path)


def is_detectors_document(data: Any) -> bool:
    """A rules folder's YAML file that defines secret detectors (shoal.secrets.catalog) instead
    of one rule: its top level is a mapping with a `detectors` key."""
    return isinstance(data, dict) and "detectors" in data


def load_yaml_file(path: Path, source: str) -> Any:
    """A rules folder's YAML file, bounded in size, without anchors or deep nesting."""
    try:
        text = _read_bounded(path, source)
        _check_yaml_shape(text, source)
        # A safe loader, only picked at import time. shoal: ignore[deserialization/python-yaml-load]
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        position = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RuleError(f"{source}: not valid YAML{position}: {_cut(str(exc.problem))}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{source}: cannot read the rule: {_cut(str(exc))}") from None
    return data


def _read_bounded(path: Path, source: str) -> str:
    """The file's text, refused past MAX_RULE_FILE_BYTES (read no further than that, whatever
    the file claims to be)."""
    with path.open("rb") as stream:
        data = stream.read(MAX_RULE_FILE_BYTES + 1)
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleError(_too_big(source, path))
    return data.decode("utf-8")


def _too_big(source: str, path: Path) -> str:
    return (f"{source}: the rule file is over {MAX_RULE_FILE_BYTES // 1024} KiB, the most one rule file may "
            f"hold ({path.stat().st_size} bytes): split it, or shorten its queries")


def _check_yaml_shape(text: str, source: str) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built: an alias can make a few
    hundred bytes expand to gigabytes (in the schema check, in messages), and libyaml's composer
    recurses once per level. The parser's events come from a state machine: no expansion, no recursion."""
    loader = _YAML_LOADER(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                mark = event.start_mark
                raise RuleError(
                    f"{source}: line {mark.line + 1}, column {mark.column + 1}: YAML anchors and aliases "
                    "(&name, *name) are not allowed in rule files: write the value out"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    mark = event.start_mark
                    raise RuleError(
                        f"{source}: line {mark.line + 1}, column {mark.column + 1}: nested deeper than "
                        f"{MAX_YAML_DEPTH} levels, more than any rule needs"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def detector_documents(folder: Path, relative_to: Path | None = None) -> list[tuple[str, Any]]:
    """(source, data) of each secret-detectors file in a rules folder, read with the same bounds
    as its rule files."""
    found = []
    for path in rule_files(folder, relative_to):
        source = source_name(path, relative_to)
        data = load_yaml_file(path, source)
        if is_detectors_document(data):
            found.append((source, data))
    return found


def rule_files(folder: Path, relative_to: Path | None = None) -> list[Path]:
    """The rule files under `folder`, sorted; RuleError past MAX_RULE_FILES files, a file over
    MAX_RULE_FILE_BYTES or MAX_RULES_FOLDER_BYTES in all (found from the files' sizes, before
    reading any). Names in messages are relative to `relative_to` when given."""
    shown = folder.relative_to(relative_to) if relative_to is not None else folder
    found: list[Path] = []
    total = 0
    for path in folder.rglob("*"):
        if path.suffix not in RULE_SUFFIXES or not path.is_file():
            continue
        found.append(path)
        if len(found) > MAX_RULE_FILES:
            raise RuleError(f"{shown}: more than {MAX_RULE_FILES} rule files, the most a rules folder may hold")
        size = path.stat().st_size
        if size > MAX_RULE_FILE_BYTES:
            name = path.relative_to(relative_to) if relative_to is not None else path
            raise RuleError(_too_big(str(name), path))
        total += size
        if total > MAX_RULES_FOLDER_BYTES:
            raise RuleError(
                f"{shown}: the rule files hold over {MAX_RULES_FOLDER_BYTES // (1024 * 1024)} MiB, the most "
                "a rules folder may hold: keep only the rules you run"
            )
    return sorted(found)


def load_rules(folder: Path, relative_to: Path | None = None, built_in: bool = False) -> tuple[Rule, ...]:
    """Every rule under `folder`; two rules with one id are refused, naming both files."""
    shown = folder.relative_to(relative_to) if relative_to is not None else folder
    if not folder.is_dir():
        named = " (.shoal.toml's rules.folder names it)" if relative_to is not None else ""
        raise RuleError(f"{shown}: no such rules folder{named}")
    rules: dict[str, Rule] = {}
    for path in rule_files(folder, relative_to):
        source = source_name(path, relative_to)
        data = load_yaml_file(path, source)
        if is_detectors_document(data):
            continue  # secret detectors: shoal.secrets.catalog.user_detectors loads them
        rule = parse_rule(data, source, built_in)
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
            raise InputError(unknown_ids_message("unknown rule id(s)", unknown, known))
        kept = []
        for rule in self.rules:
            if rule.id in disabled:
                continue
            if rule.id in overrides:
                rule = replace(rule, severity=Severity(overrides[rule.id]))
            kept.append(rule)
        return RuleSet(tuple(kept))


def unknown_ids_message(what: str, unknown: Iterable[str], known: Iterable[str]) -> str:
    """An error naming rule ids that do not exist, with the nearest real id for each near miss."""
    choices = sorted(known)
    parts = []
    for rule_id in unknown:
        close = difflib.get_close_matches(rule_id, choices, n=1, cutoff=0.6)
        parts.append(f"{rule_id} (did you mean {close[0]}?)" if close else rule_id)
    return f"{what} {', '.join(parts)}: `shoal rules list` shows the ids"
