"""Taint specifications compiled from rule data: sources, sinks, sanitisers and propagators, all
named by qualified-name patterns (dotted globs where `*` stands for one or more segments)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import re2

from shoal.analysis.names import NamePattern, NamePatternError

REMOTE = "remote"  # request data: what an attacker sends
LOCAL = "local"  # environment variables, argv: whoever runs the program
SOURCE_KINDS = (REMOTE, LOCAL)
ALL_CLASSES = "all"  # a sanitiser for every sink class (a number conversion)
SINK_CLASSES = ("command", "code", "sql", "path", "xss", "ldap", "xpath", "redirect", "ssrf", "trust-boundary",
                "deserialization", "redos")
RECEIVER_ARG = -1  # an argument condition's `arg: receiver`: the object the method is called on
RECEIVER = "@receiver"  # in a sink's args: the object the method is called on (url.openStream(), s.html_safe)


class SpecError(ValueError):
    """A taint entry that cannot be compiled; the registry adds the file and rule."""


def compile_pattern(text: str) -> NamePattern:
    """A compiled qualified-name pattern; SpecError saying what is wrong with a bad one."""
    try:
        return NamePattern.compile(text)
    except NamePatternError as exc:
        raise SpecError(str(exc)) from None


class Answers:
    """What a question about a name answered, remembered: the patterns behind the answers never
    change, and the interpreter asks about the same names in every function and context (each
    answer a regex match per pattern). Bounded: past MAX entries it starts over. Agents on other
    threads at worst compute an answer twice."""

    MAX = 50_000
    _MISSING = object()

    def __init__(self) -> None:
        self._known: dict[Any, Any] = {}

    def get(self, key: Any, find: Callable[[], Any]) -> Any:
        found = self._known.get(key, self._MISSING)
        if found is self._MISSING:
            if len(self._known) >= self.MAX:
                self._known = {}
            found = self._known[key] = find()
        return found


class PatternSet:
    """Patterns matched together: by the name's last segment first, so most names are ruled out
    with one set lookup however many patterns there are."""

    def __init__(self, patterns: Iterable[NamePattern]) -> None:
        self.patterns = tuple(dict.fromkeys(patterns))
        self._by_last: dict[str, list[NamePattern]] = {}
        self._anywhere: list[NamePattern] = []
        self._answers = Answers()
        for pattern in self.patterns:
            last = pattern.last
            if last is None:
                self._anywhere.append(pattern)
            else:
                self._by_last.setdefault(last, []).append(pattern)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def matches(self, qualified: str | None) -> bool:
        if not qualified:
            return False
        found: bool = self._answers.get(qualified, lambda: self._matches(qualified))
        return found

    def _matches(self, qualified: str) -> bool:
        last = qualified.rsplit(".", 1)[-1]
        return any(p.matches(qualified) for p in self._by_last.get(last, ())) or any(
            p.matches(qualified) for p in self._anywhere
        )


@dataclass(frozen=True)
class _Excepting:
    # Names the pattern matches that are not meant (`*.patch` routes, not unittest.mock.patch)
    excluded: tuple[NamePattern, ...] = field(default=(), kw_only=True)

    def spares(self, name: str) -> bool:
        return any(pattern.matches(name) for pattern in self.excluded)


@dataclass(frozen=True)
class Source(_Excepting):
    kind: str  # REMOTE or LOCAL
    pattern: NamePattern | None = None  # a name read or called: flask.request.args, os.environ
    decorator: NamePattern | None = None  # every parameter of a function with this decorator
    annotation: NamePattern | None = None  # a parameter with this annotation (Java @RequestParam)
    parameter_type: NamePattern | None = None  # a parameter of this declared type
    label: str = ""


@dataclass(frozen=True)
class ArgCondition:
    """A condition on one argument of a sink call: present, with a property (a key of an object
    argument), whose constant text matches a regex (RE2; booleans read true/false)."""

    arg: int
    property: str | None = None
    matches: Any = None  # a compiled RE2 pattern, or None: present is enough


@dataclass(frozen=True)
class Sink(_Excepting):
    pattern: NamePattern
    sink_class: str
    args: tuple[int | str, ...] = (0,)  # positions or keyword names; "*": every argument; RECEIVER
    write: bool = False  # an assignment into the name (session["k"] = v, el.innerHTML = v)
    # What a function with this decorator returns (a Flask view's return value is the response);
    # `keyword` then names the decorator's keyword arguments and text they must hold.
    returns: bool = False
    keyword: Mapping[str, str] = field(default_factory=dict)  # required keyword argument text (shell: True)
    # Keyword arguments that, given without this text, make the call safe (content_type: html)
    unless: Mapping[str, str] = field(default_factory=dict)
    # Arguments whose qualified name or type must match for the call to be a sink: fmt.Fprintf
    # writes HTML only into an http.ResponseWriter, not into os.Stdout.
    arg_types: tuple[tuple[int, NamePattern], ...] = ()
    # RE2 the call's source text must hold, or must not: PHP's header() redirects only with
    # "Location:"; unserialize($x, ['allowed_classes' => false]) creates no object.
    matches: Any = None
    not_matches: Any = None
    # All of `when` must hold for the call to be this sink (spawn("sh", ["-c", x]): arg 0 a shell);
    # any of `except_` makes it safe (sendFile(p, {root: dir}) confines the path).
    when: tuple[ArgCondition, ...] = ()
    except_: tuple[ArgCondition, ...] = ()

    def takes(self, position: int | None, keyword: str | None) -> bool:
        if "*" in self.args:
            return True
        return (position is not None and position in self.args) or (keyword is not None and keyword in self.args)


@dataclass(frozen=True)
class Sanitizer:
    pattern: NamePattern
    classes: frozenset[str]  # sink classes it makes a value safe for, or {ALL_CLASSES}
    # As for sinks: all of `when` must hold for the call to sanitise, none of `except_`
    # (ejs.render escapes unless the template has an unescaped <%- tag).
    when: tuple[ArgCondition, ...] = ()
    except_: tuple[ArgCondition, ...] = ()


@dataclass(frozen=True)
class Propagator:
    pattern: NamePattern
    to: str  # "receiver": the call writes its arguments into its receiver (list.append)


@dataclass(frozen=True)
class TaintRule:
    """What one `mode: taint` rule adds: its sinks, plus sources and sanitisers of its own."""

    rule_id: str
    sinks: tuple[Sink, ...]
    sources: tuple[Source, ...] = ()
    sanitizers: tuple[Sanitizer, ...] = ()
    propagators: tuple[Propagator, ...] = ()


def parse_sources(data: Sequence[Mapping[str, Any]]) -> tuple[Source, ...]:
    out = []
    for entry in data:
        kind = entry.get("kind", REMOTE)
        keys = [k for k in ("pattern", "decorator", "annotation", "parameter_type") if k in entry]
        if len(keys) != 1:
            raise SpecError(f"a source needs exactly one of pattern, decorator, annotation, parameter_type: {dict(entry)}")
        out.append(Source(kind=kind, label=entry.get("label", ""), excluded=_excluded(entry),
                          **{keys[0]: compile_pattern(str(entry[keys[0]]))}))
    return tuple(out)


def parse_sinks(data: Sequence[Mapping[str, Any]]) -> tuple[Sink, ...]:
    return tuple(
        Sink(
            pattern=compile_pattern(str(entry["pattern"])),
            sink_class=str(entry["class"]),
            args=tuple(entry.get("args", [0])),
            write=bool(entry.get("write", False)),
            returns=bool(entry.get("returns", False)),
            keyword={str(k): str(v) for k, v in entry.get("keyword", {}).items()},
            unless={str(k): str(v) for k, v in entry.get("unless", {}).items()},
            arg_types=tuple((int(t["position"]), compile_pattern(str(t["type"]))) for t in entry.get("arg_types", [])),
            matches=_regex(entry["matches"]) if "matches" in entry else None,
            not_matches=_regex(entry["not_matches"]) if "not_matches" in entry else None,
            when=_conditions(entry.get("when", ())),
            except_=_conditions(entry.get("except", ())),
            excluded=_excluded(entry),
        )
        for entry in data
    )


def _excluded(entry: Mapping[str, Any]) -> tuple[NamePattern, ...]:
    return tuple(compile_pattern(str(name)) for name in entry.get("not", ()))


def _regex(text: Any) -> Any:
    try:
        return re2.compile(str(text))
    except re2.error as exc:
        raise SpecError(f"matches: {text!r} is not a regex RE2 can read: {exc}") from None


def _conditions(data: Sequence[Mapping[str, Any]]) -> tuple[ArgCondition, ...]:
    out = []
    for entry in data:
        regex = entry.get("matches")
        try:
            compiled = re2.compile(str(regex)) if regex is not None else None
        except re2.error as exc:
            raise SpecError(f"a sink condition's regex cannot be read by RE2: {regex!r}: {exc}") from None
        arg = RECEIVER_ARG if entry["arg"] == "receiver" else int(entry["arg"])
        out.append(ArgCondition(arg, entry.get("property"), compiled))
    return tuple(out)


def parse_sanitizers(data: Sequence[Mapping[str, Any]]) -> tuple[Sanitizer, ...]:
    return tuple(
        Sanitizer(compile_pattern(str(entry["pattern"])), frozenset(entry.get("classes", [ALL_CLASSES])),
                  _conditions(entry.get("when", ())), _conditions(entry.get("except", ())))
        for entry in data
    )


def parse_propagators(data: Sequence[Mapping[str, Any]]) -> tuple[Propagator, ...]:
    return tuple(Propagator(compile_pattern(str(entry["pattern"])), str(entry.get("to", "receiver"))) for entry in data)
