"""The language-neutral taint interpreter: values, paths, joins, calls, sinks, summaries, budget.

A language adapter subclasses `Interpreter` with `exec` (statements) and `eval` (expressions) over
its grammar; everything that decides what is tainted, cleansed, reported or summarised is here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import re2
from tree_sitter import Node

from shoal.analysis.taint.spec import (
    ALL_CLASSES,
    Answers,
    LOCAL,
    RECEIVER,
    RECEIVER_ARG,
    REMOTE,
    ArgCondition,
    PatternSet,
    Sanitizer,
    Sink,
    Source,
    TaintRule,
)

STEP_BUDGET = 40_000  # expression and statement visits per function (a loop body counts twice)
MAX_DEPTH = 120  # nested expressions or blocks; deeper code is not analysed (Python's own stack)
MAX_TAINTS = 4  # distinct origins a value keeps; more would only lengthen reports
MAX_STEPS = 12  # steps a path keeps: its first two and its last ten


class _Const:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NOT_CONST = _Const("NOT_CONST")  # a run-time value
SOME_CONST = _Const("SOME_CONST")  # built only from constants; the value itself is not tracked


ANY_RULE = "*"  # a safe site of every rule: an assignment of a constant


class Step(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based
    message: str
    path: str | None = None  # another file's (a callee there): None, the file analysed


class Taint(NamedTuple):
    origin: str  # REMOTE, LOCAL or "param:<index>" while a function is summarised
    steps: tuple[Step, ...]
    cleansed: frozenset[str] = frozenset()  # sink classes a sanitiser made it safe for


class Value(NamedTuple):
    const: Any  # NOT_CONST, SOME_CONST or the constant itself (str, int, float, bool, None, tuple, dict)
    taints: tuple[Taint, ...] = ()

    @property
    def constant(self) -> bool:
        return self.const is not NOT_CONST


UNKNOWN = Value(NOT_CONST)


Place = tuple[int, int]  # (line, column), 1-based
Span = tuple[Place, Place]


class TaintBudgetExceeded(Exception):
    """A function's analysis went past its step budget or nesting limit."""


@dataclass(frozen=True)
class Hit:
    """A source reaching a sink: where the sink is and the path there."""

    rule_id: str
    origin: str  # REMOTE or LOCAL
    start: tuple[int, int]  # (line, column), 1-based
    end: tuple[int, int]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class SinkSummary:
    param: int
    rule_id: str
    sink_class: str
    start: tuple[int, int]
    end: tuple[int, int]
    steps: tuple[Step, ...]  # from the parameter to the sink, inside the function
    cleansed: frozenset[str]


@dataclass
class Summary:
    """What a function does with its parameters: which reach its return value, which a sink."""

    name: str
    line: int
    params: tuple[str, ...]
    returns: dict[int, frozenset[str]] = field(default_factory=dict)  # param -> classes cleansed on the way
    # Request data (or environment) the function reads itself and gives back: `String base(req)`.
    sources: tuple[Taint, ...] = ()
    sinks: list[SinkSummary] = field(default_factory=list)
    # Every value it gives back is a constant (`return "fixed";`): its callers get a constant too.
    constant: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": self.name,
            "line": self.line,
            "params": list(self.params),
            "returns": [self.params[i] for i in sorted(self.returns) if i < len(self.params)],
            "sinks": [
                {"param": self.params[s.param], "rule": s.rule_id, "line": s.start[0]}
                for s in sorted(self.sinks, key=lambda s: (s.param, s.rule_id, s.start))
                if s.param < len(self.params)
            ],
        }


@dataclass
class Param:
    name: str
    node: Node
    names: tuple[str, ...] = ()  # qualified names of its annotations, type and function decorators


@dataclass
class Unit:
    """A function (or the module's top level) analysed on its own."""

    node: Node
    name: str  # qualified within the file: Class.method
    body: Node | None
    params: list[Param]
    class_name: str | None = None
    decorators: tuple[str, ...] = ()
    # A parameter is of a type sources are read from (a servlet's request): the function may
    # hand it to another file's code that reads them (followed only when calls out of the file are).
    receives: bool = False


class Spec:
    """All taint rules of one language, merged for one pass per function."""

    def __init__(self, rules: Sequence[TaintRule], models: Sequence[TaintRule] = ()) -> None:
        self.rules = tuple(rules)
        everything = (*rules, *models)
        self.sources: tuple[Source, ...] = tuple(s for r in everything for s in r.sources)
        self.name_sources = PatternSet(s.pattern for s in self.sources if s.pattern)
        self.param_sources = tuple(s for s in self.sources if not s.pattern)
        self.sinks: tuple[tuple[str, Sink], ...] = tuple((r.rule_id, s) for r in rules for s in r.sinks)
        self.call_sinks = PatternSet(s.pattern for _, s in self.sinks if not s.write and not s.returns)
        self.write_sinks = PatternSet(s.pattern for _, s in self.sinks if s.write)
        self.return_sinks = tuple((r, s) for r, s in self.sinks if s.returns)
        self.sanitizers: tuple[Sanitizer, ...] = tuple(s for r in everything for s in r.sanitizers)
        self.sanitizer_names = PatternSet(s.pattern for s in self.sanitizers)
        self.receiver_writers = PatternSet(p.pattern for r in everything for p in r.propagators if p.to == "receiver")
        lasts = {s.pattern.last for _, s in self.sinks}
        # A sink whose last segment is a wildcard could be anywhere: no prefilter then.
        self.needles: tuple[bytes, ...] | None = (
            None if None in lasts else tuple(sorted(x.encode() for x in lasts if x))
        )
        self._sink_calls: Any = None  # names_sink's pattern, compiled on first use
        self._ending: dict[tuple[str, bool], tuple[tuple[str, Sink], ...]] = {}  # see _sinks_ending
        self.spelled: tuple[bytes, ...] | None = None  # the adapter's other spellings of sinks (taint._spelled)
        self._answers = Answers()  # what source_for, sanitizers_for and sinks_for found, by name
        self._cheap_filters()

    def _cheap_filters(self) -> None:
        """What lets most names go unresolved: resolving one costs far more than a set lookup.

        A call is resolved only when its last identifier is one some sink, sanitiser, propagator or
        source ends with; a name read only when its root resolves to the start of a source pattern
        (or its last segment ends a `*.x` source); a function is analysed only when its text holds
        a source's name (or its parameters are sources): one without cannot start a flow, and is
        still followed as a callee of one that does."""
        named = [s.pattern for s in self.sources if s.pattern]
        call_patterns = [*(s.pattern for _, s in self.sinks if not s.write and not s.returns),
                         *(s.pattern for s in self.sanitizers),
                         *self.receiver_writers.patterns]
        call_lasts = {p.last for p in call_patterns} | {p.last for p in named if p.last}
        self.call_lasts: frozenset[str] | None = None if None in call_lasts else frozenset(call_lasts)  # type: ignore[arg-type]
        write_lasts = {s.pattern.last for _, s in self.sinks if s.write}
        self.write_lasts: frozenset[str] | None = None if None in write_lasts else frozenset(write_lasts)  # type: ignore[arg-type]
        roots: set[str] = set()
        tails: set[str | None] = set()
        for pattern in named:
            segments = pattern.text.split(".")
            if segments[0] == "*":
                tails.add(pattern.last)
                continue
            for end in range(1, len(segments) + 1):
                if segments[end - 1] == "*":
                    break
                roots.add(".".join(segments[:end]))
        self.source_roots = frozenset(roots)
        # The types sources are read from (`*.HttpServletRequest.getParameter`), and a parameter
        # declared of one (`HttpServletRequest request,`): a function that may hand it on.
        receivers = sorted({p.text.split(".")[-2] for p in named if p.text.count(".") >= 1
                            and p.text.split(".")[-2] not in ("*", "") and p.text.split(".")[-2][:1].isupper()})
        self.source_root_lasts = frozenset(receivers)
        # RE2: one pass over a file; Python's re tried the alternation at every byte (Django:
        # 0.13 s against 0.03 s over its files, most of which declare no such parameter).
        self.receiver_params = re2.compile(
            rb"\b(?:" + b"|".join(re2.escape(r.encode()) for r in receivers) + rb")[\t\n\v\f\r ]+[\w$]+[\t\n\v\f\r ]*[,)]"
        ) if receivers else None  # (Python's \s, \v included)
        self.source_tails: frozenset[str] | None = None if None in tails else frozenset(tails)  # type: ignore[arg-type]
        # (in the file, in the function): `flask.request.*` needs "flask" in the file and
        # "request" in the function; `request.GET` "request" and "GET"; `*.GET` "GET" and "GET".
        self.source_needles = tuple(sorted({_needles(p.text) for p in named}))
        self.source_segments = frozenset(x.encode() for p in named for x in p.text.split(".") if x != "*")
        firsts = sorted({f for f, _ in self.source_needles}) or [b"(?!)"]
        # A needle that starts with `$` (PHP's $_GET) has no word boundary before it.
        self._firsts = tuple(firsts)
        self._file_words: dict[tuple[bytes, ...], Any] = {}  # a pattern per set of words still unseen
        self._live: tuple[bytes, tuple[bytes, ...]] = (b"", ())
        # `from <a source's module>[.x] import ...` only: one pass over the file. Python's re, led
        # by the literal `from`, skips to each one, where RE2 stepped through every byte for a
        # line-start anchor (Django: 0.014 s against 0.032 s); _imported keeps those a line starts with.
        self.from_imports = re.compile(
            rb"from[ \t]+((?:" + b"|".join(re.escape(f) for f in firsts) + rb")(?:\.[\w.]*)?)"
            rb"[ \t]+import[ \t]+\(?([^)\n]*)")
        # RE2 (a DFA): one pass over a file for any of many literals, where `in` would take one each.
        self.source_any = re2.compile(b"|".join(re2.escape(g.strip(b".(")) for _, g in self.source_needles) or b"$^")
        self.sink_any = re2.compile(b"|".join(re2.escape(n) for n in self.needles)) if self.needles else None
        # Decorated or annotated parameters: `@app.route(`, `@RequestParam` spelled in the file.
        marks = sorted({p.last for s in self.param_sources for p in (s.decorator, s.annotation) if p and p.last})
        self.source_marks = re.compile(
            rb"@\s*(?:[\w$]+\s*\.\s*)*(?:" + b"|".join(re.escape(m.encode()) for m in marks) + rb")\b"
        ) if marks else None
        self.typed_params = any(s.parameter_type for s in self.param_sources)
        lasts = {p.last for s in self.param_sources for p in (s.decorator, s.annotation, s.parameter_type) if p}
        lasts |= {s.pattern.last for _, s in self.return_sinks}  # decorators are resolved for these too
        self.parameter_lasts: frozenset[str] | None = None if None in lasts else frozenset(lasts)  # type: ignore[arg-type]

    def may_start_flows(self, source: bytes) -> bool:
        """Cheap bytes test: a file that names no source (nor marks a parameter as one) has no flow
        of its own to report."""
        if self.typed_params:
            return True
        # The one-pass RE2 search first: it turns away most files before the word scan and the
        # import reading live_needles does (Django: 976 of 2,823 pass it, against 1,727 a sink).
        if self.source_any.search(source) and self.live_needles(source):
            return True
        return self.source_marks is not None and self.source_marks.search(source) is not None

    def live_needles(self, source: bytes) -> tuple[bytes, ...]:
        """What a function of this file must spell to name a source: the function needles of the
        sources whose file needle the file holds as a word, and the names imports give them
        (`from os import environ`, `from flask import request as rq`)."""
        cached = self._live  # one tuple, read once: agents on other threads may replace it
        if cached[0] is source:
            return cached[1]
        words = self._words_in(source)
        live = {g for f, g in self.source_needles if f in words}
        found = tuple(sorted(live | set(_imported(source, words, self.source_segments, self.from_imports)))) \
            if words else ()
        self._live = (source, found)
        return found

    def _words_in(self, source: bytes) -> set[bytes]:
        """Which file needles the file spells as words. A search from the last one found for
        those not yet seen: at most one pass over the file and a search per word, where findall
        stepped through every match in Python (a view module says `request` hundreds of times)."""
        found: set[bytes] = set()
        unseen = self._firsts
        at = 0
        while unseen:
            pattern = self._file_words.get(unseen)
            if pattern is None:
                pattern = self._file_words[unseen] = re2.compile(
                    rb"(?:^|[^\w$])(" + b"|".join(re2.escape(f) for f in unseen) + rb")\b")
            match = pattern.search(source, at)
            if match is None:
                break
            word = match.group(1)
            found.add(word)
            # No unseen word starts before this one; one after it has its boundary at or past its end.
            at = match.end(1)
            unseen = tuple(f for f in unseen if f != word)
        return found

    def param_starts(self, unit: Unit) -> bool:
        """A function whose parameters are sources (a view's request, an annotated parameter)."""
        return bool(unit.decorators or any(p.names for p in unit.params)) and any(
            self.param_source(p, unit.decorators) for p in unit.params)

    def may_apply(self, source: bytes, spelled: tuple[bytes, ...] = (), receives: bool = False) -> bool:
        """Cheap bytes test: a file that names no sink, or no source, has nothing to report.
        `spelled`: what else spells a sink here (PHP's `<?=` is echo); `receives`: a function
        taking a source's receiver (`HttpServletRequest req`) counts as naming a source."""
        if not self.sinks or (self.sink_any is not None and not self.sink_any.search(source)
                              and not any(token in source for token in spelled)):
            return False
        return self.may_start_flows(source) or (receives and self.receives(source))

    def names_sink(self, source: bytes) -> bool:
        """Cheap bytes test: the code may call a sink, a sink's name written as a word before
        `(` (True where a sink's name cannot be told)."""
        if self.needles is None:
            return True
        if self._sink_calls is None:
            self._sink_calls = re2.compile(rb"\b(?:" + b"|".join(re2.escape(n) for n in self.needles) + rb")\s*\(")
        return self._sink_calls.search(source) is not None

    def receives(self, source: bytes) -> bool:
        """Whether the file declares a parameter of a type sources are read from."""
        return self.receiver_params is not None and self.receiver_params.search(source) is not None

    def source_for(self, name: str | None) -> Source | None:
        if not name:
            return None
        found: Source | None = self._answers.get(("source", name), lambda: self._source_for(name))
        return found

    def _source_for(self, name: str) -> Source | None:
        if not self.name_sources.matches(name):
            return None
        return next((s for s in self.sources if s.pattern and s.pattern.matches(name) and not s.spares(name)), None)

    def sanitizers_for(self, name: str | None) -> tuple[Sanitizer, ...]:
        if not name:
            return ()
        found: tuple[Sanitizer, ...] = self._answers.get(("sanitizer", name), lambda: self._sanitizers_for(name))
        return found

    def _sanitizers_for(self, name: str) -> tuple[Sanitizer, ...]:
        if not self.sanitizer_names.matches(name):
            return ()
        return tuple(s for s in self.sanitizers if s.pattern.matches(name))

    def sinks_for(self, name: str | None, write: bool = False) -> tuple[tuple[str, Sink], ...]:
        if not name:
            return ()
        found: tuple[tuple[str, Sink], ...] = self._answers.get(("sinks", name, write),
                                                                lambda: self._sinks_named(name, write))
        return found

    def _sinks_named(self, name: str, write: bool) -> tuple[tuple[str, Sink], ...]:
        names = self.write_sinks if write else self.call_sinks
        if not names.matches(name):
            return ()
        return tuple((r, s) for r, s in self._sinks_ending(name.rsplit(".", 1)[-1], write)
                     if s.pattern.matches(name) and not s.spares(name))

    def _sinks_ending(self, last: str, write: bool) -> tuple[tuple[str, Sink], ...]:
        """The call (or write) sinks a name ending in `last` may match, in the rules' order (the
        first hit at a place is kept): those ending in `last` or in `*`. Once per last name; a
        name a sink pattern matches was tested against every sink of every rule before."""
        key = (last, write)
        found = self._ending.get(key)
        if found is None:
            found = self._ending[key] = tuple(
                (r, s) for r, s in self.sinks if s.write == write and not s.returns and s.pattern.last in (last, None))
        return found

    def param_source(self, param: Param, decorators: tuple[str, ...]) -> Source | None:
        if not param.names and not decorators:
            return None  # nothing to match (most parameters: asked for each in every function run)
        for source in self.param_sources:
            if source.decorator and any(source.decorator.matches(d) and not source.spares(d) for d in decorators):
                return source
            pattern = source.annotation or source.parameter_type
            if pattern and any(pattern.matches(n) and not source.spares(n) for n in param.names):
                return source
        return None


def _needles(pattern: str) -> tuple[bytes, bytes]:
    """What a file and a function using a source pattern must spell out: the pattern's first
    segment as a word (its module, or the local name it starts from), and its last fixed one as
    it is used: `.GET` of `request.GET`, `request.` of `flask.request.*`, `input` of `input`."""
    segments = pattern.split(".")
    fixed = [segment for segment in segments if segment != "*"]
    last = len(segments) - 1 - segments[::-1].index(fixed[-1])
    if last < len(segments) - 1:
        used = fixed[-1] + "."
    elif len(segments) > 1:
        used = "." + fixed[-1]
    else:
        used = fixed[-1]  # called or not: input(...), $_GET[...] in PHP, params[...] in Ruby
    return fixed[0].encode(), used.encode()


def location(node: Node) -> tuple[tuple[int, int], tuple[int, int]]:
    return (node.start_point[0] + 1, node.start_point[1] + 1), (node.end_point[0] + 1, node.end_point[1] + 1)


def step(node: Node, message: str) -> Step:
    return Step(node.start_point[0] + 1, node.start_point[1] + 1, message)


def text(node: Node | None) -> str:
    return "" if node is None else (node.text or b"").decode("utf-8", "replace")


def short(node: Node, limit: int = 60) -> str:
    flat = " ".join(text(node).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _clip(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    return steps if len(steps) <= MAX_STEPS else steps[:2] + steps[-(MAX_STEPS - 2):]


def extend(taint: Taint, *more: Step, cleansed: frozenset[str] = frozenset()) -> Taint:
    return Taint(taint.origin, _clip(taint.steps + more), taint.cleansed | cleansed)


def merge_taints(*groups: Sequence[Taint]) -> tuple[Taint, ...]:
    """One taint per (origin, cleansing), the shortest path kept; request data first."""
    # Most values carry no taint, or one: no dict and no sort for those (12,000 calls on Django).
    found: Sequence[Taint] | None = None
    for group in groups:
        if group:
            if found is not None or len(group) > 1:
                return _merged(groups)
            found = group
    return () if found is None else tuple(found)


def _merged(groups: Sequence[Sequence[Taint]]) -> tuple[Taint, ...]:
    best: dict[tuple[str, frozenset[str]], Taint] = {}
    for group in groups:
        for taint in group:
            key = (taint.origin, taint.cleansed)
            kept = best.get(key)
            if kept is None or len(taint.steps) < len(kept.steps):
                best[key] = taint
    ordered = sorted(best.values(), key=lambda t: (t.origin != REMOTE, t.origin != LOCAL, t.origin, len(t.steps)))
    return tuple(ordered[:MAX_TAINTS])


def join(a: Value, b: Value) -> Value:
    if a is b:
        return a
    if a.const is NOT_CONST or b.const is NOT_CONST:
        const: Any = NOT_CONST
    elif a.const is not SOME_CONST and type(a.const) is type(b.const) and a.const == b.const:
        const = a.const
    else:
        const = SOME_CONST
    return Value(const, merge_taints(a.taints, b.taints))


def union(values: Iterable[Value]) -> Value:
    """The value of something computed from `values` at run time: their taints, no constant."""
    taints = merge_taints(*(v.taints for v in values))
    return Value(NOT_CONST, taints)


def join_envs(envs: Sequence[dict[str, Value]]) -> dict[str, Value]:
    if len(envs) == 1:
        return dict(envs[0])
    out: dict[str, Value] = {}
    for env in envs:
        for key, value in env.items():
            out[key] = join(out[key], value) if key in out else value
    # A name set on only some paths may still hold its earlier (unknown) value on the others.
    for key, value in out.items():
        if value.constant and any(key not in env for env in envs):
            out[key] = Value(NOT_CONST, value.taints)
    return out


SAFE, UNSAFE, PARAM, CALLER_SAFE = "safe", "unsafe", "param", "caller-safe"


def verdict(value: Value, sink_class: str) -> str:
    """What a sink argument's value proves: SAFE (a constant, or every origin sanitised for this
    class), PARAM (only the function's parameters may make it unsafe) or UNSAFE (anything else,
    including a run-time value of unknown origin)."""
    pending = [t for t in value.taints if not _cleansed(t.cleansed, sink_class)]
    if any(not t.origin.startswith("param:") for t in pending):
        return UNSAFE
    if pending:
        return PARAM
    return SAFE if value.constant or value.taints else UNSAFE


class FileAnalysis:
    """One file: its function units, their summaries on demand, the hits and diagnostics."""

    def __init__(
        self,
        path: str,
        spec: Spec,
        qualify: Callable[[Node], str | None],
        units: Sequence[Unit],
        make: Callable[[FileAnalysis, Unit], Interpreter],
        budget: int = STEP_BUDGET,
        source: bytes = b"",
        spelled: tuple[bytes, ...] = (),
        root: Node | None = None,
        notes: Sequence[Place] = (),
        coded: list[int] | None = None,
        callee_at: Callable[[Node, FileAnalysis, str | None], Unit | None] | None = None,
    ) -> None:
        self.path = path
        # The function of this file a call written around an identifier runs, from a function of
        # a class (the adapter's reading of its calls); with it, callers are those calls' holders.
        self.callee_at = callee_at
        self._edges: dict[bytes, list[tuple[int, int]]] = {}  # `name(` -> (caller, callee) node ids
        self.coded = coded  # word_starts of the live needles in code, if the caller has them
        self.root = root  # the file's tree, to tell code from strings and comments
        # Where the taint rules' patterns matched, (line, column): notes a proof of safety may drop.
        self.notes = sorted((line - 1, column - 1) for line, column in notes)
        self.source = source
        self.spelled = spelled  # what spells a sink besides its name (PHP's `<?=`, Ruby's %x)
        self.spec = spec
        self.qualify = qualify
        self.units = list(units)
        self.make = make
        self.budget = budget
        self.by_name: dict[str, Unit] = {}
        for unit in self.units:
            self.by_name.setdefault(unit.name, unit)
        self.summaries: dict[int, Summary | None] = {}  # by unit node id; None: being analysed
        self.hits: dict[tuple[str, tuple[int, int]], Hit] = {}
        # Sink calls the analysis reached, by (rule, start): True while every visit found each
        # argument constant or sanitised for the sink's class. With `dead` (code a constant
        # condition skips), what lets a rule drop its pattern-only note where data flow proves it safe.
        self.safe_sites: dict[tuple[str, Place], bool] = {}
        self.dead_spans: list[Span] = []
        self.diagnostics: list[str] = []
        self.globals: dict[str, Value] = {}  # module-level constants
        # What each visit of a sink saw, by (rule, sink start): SAFE, UNSAFE, PARAM (a parameter
        # reaches it) or CALLER_SAFE (a call of its function passed safe values for it).
        self.visits: dict[tuple[str, tuple[int, int]], set[str]] = {}
        self.arms: dict[tuple[tuple[int, int], tuple[int, int]], set[bool]] = {}  # branch arm -> ran?
        # (rule, sink line) -> True while every visit saw only constants or sanitised values
        # there, False once one saw data that may be untrusted (or a parameter's).
        self.sink_visits: dict[tuple[str, int], bool] = {}
        self.dead_lines: list[tuple[int, int]] = []  # (first, last) lines of branches that never run
        # Functions of the scan's other files, by qualified name and whether tainted data goes in
        # (taint.repository): None, calls out of the file keep their default.
        self.external: Callable[[str, bool], Any] | None = None
        # Whether a call given no tainted data is followed too (for a source the callee reads):
        # where a receiver's declared type tells what a call means (Java), not where resolving
        # every call would cost more than it finds (Python: +4-9% of Django's security scan).
        self.follow_clean = False

    def visit(self, rule_id: str, start: tuple[int, int], verdict: str) -> None:
        self.visits.setdefault((rule_id, start), set()).add(verdict)

    def proven_safe(self) -> set[tuple[str, tuple[int, int]]]:
        """Sinks every visit of which saw a constant or sanitised value: a parameter's value counts
        only if some call in this file passed one, and all such calls passed safe ones."""
        safe = set()
        for key, seen in self.visits.items():
            if UNSAFE in seen or (PARAM in seen and CALLER_SAFE not in seen):
                continue
            if seen & {SAFE, CALLER_SAFE}:
                safe.add(key)
        return safe

    def dead(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Branch arms never run because every visit folded their condition the other way."""
        return sorted(span for span, ran in self.arms.items() if ran == {False})

    def visited(self, rule_id: str, line: int, safe: bool | None) -> None:
        """A sink call analysed: safe (only constants or sanitised data reach it), unsafe, or
        None (values of unknown origin: says nothing either way)."""
        if safe is None:
            return
        key = (rule_id, line)
        self.sink_visits[key] = self.sink_visits.get(key, True) and safe

    def skipped(self, node: Node | None) -> None:
        """Code under a condition that folds to a constant the other way: it never runs."""
        if node is not None:
            self.dead_lines.append((node.start_point[0] + 1, node.end_point[0] + 1))

    def cleared(self) -> list[tuple[str, int]]:
        """Sinks every analysed visit proved to get only constants or sanitised values."""
        return sorted(k for k, safe in self.sink_visits.items() if safe)

    def run(self) -> None:
        """The functions that may start a flow, and the top level first if there are any (its
        constants are their globals) or if it names a source itself."""
        self.live = self.spec.live_needles(self.source)
        top = self.units[0] if self.units and self.units[0].name == "<module>" else None
        if not self.source:
            chosen, top_runs = self.units[1:], bool(self.units[1:])
        else:
            chosen, top_runs = self._chosen(self.live, top)
        if top is not None and top_runs:
            self.summary(top)
        for unit in chosen:
            self.summary(unit)

    def _chosen(self, needles: tuple[bytes, ...], top: Unit | None) -> tuple[list[Unit], bool]:
        """The functions worth analysing on their own: those that name a source in their code (not
        in a docstring or comment), or call one of this file's functions that does (by name, to a
        fixpoint), and that name a sink or call a function of this file themselves. The rest are
        only analysed as callees, on demand. And whether the top level runs first.

        Where a taint rule's pattern left a note, the choice stays what it has always been for the
        functions that hold one or call one that does, so that the proofs of safety that drop such
        notes are the same: a function whose text names a source, docstrings included."""
        units = self.units[1:]
        calls = _Occurrences(self.source)
        names = {u.node.id: u.name.rsplit(".", 1)[-1].encode() + b"(" for u in units}
        starting = {u.node.id for u in units if self.spec.param_starts(u) or (u.receives and self.external)}
        coded = self._matches(needles, code_only=True)
        live = self._callers(starting | {u.node.id for u in units if _holds(coded, u.node)}, units, names, calls)
        top_runs = top is not None and self._top_level_names(top, coded)
        noted = {u.node.id for u in units if self._holds_note(u)}
        if noted or (top is not None and self._holds_note(top)):
            written = self._matches(needles, code_only=False)
            spelled = self._callers(starting | {u.node.id for u in units if _holds(written, u.node)},
                                    units, names, calls)
            old = self._sinking(units, spelled, names)
            live |= spelled & self._callers(noted, units, names, calls)
            top_runs = top_runs or (top is not None and self._holds_note(top)
                                    and (bool(old) or self._top_level_names(top, written)))
        chosen = self._sinking(units, live, names)
        return chosen, top_runs or bool(chosen)

    def _callers(self, ids: set[int], units: Sequence[Unit], names: dict[int, bytes], calls: _Occurrences) -> set[int]:
        """`ids` and the functions that call one of them by name, to a fixpoint: each name's
        occurrences are found once, and each lifted to the functions around it."""
        live = set(ids)
        asked: set[bytes] = set()
        frontier = set(ids)
        while frontier:
            wanted = {names[i] for i in frontier} - asked
            asked |= wanted
            frontier = set()
            for name in wanted:
                if self.callee_at is not None and self.root is not None:
                    holders = {caller for caller, callee in self._call_edges(name, units, calls) if callee in live}
                else:
                    holders = calls.holders(name, units, self.root)
                for holder in holders:
                    if holder not in live:
                        live.add(holder)
                        frontier.add(holder)
        return live

    def _call_edges(self, literal: bytes, units: Sequence[Unit], calls: _Occurrences) -> list[tuple[int, int]]:
        """(caller, callee) node ids of the calls written `literal` (`name(`): each unit around
        the call, and the function of this file the adapter says it runs from there. Once per
        literal: a callee named like several functions is asked for each."""
        found = self._edges.get(literal)
        if found is not None:
            return found
        found = self._edges[literal] = []
        assert self.callee_at is not None and self.root is not None
        for start in calls.starts(literal):
            name = self.root.descendant_for_byte_range(start, start + len(literal) - 1)
            if name is None:
                continue
            # The units around the call by their byte spans: a walk up `parent` costs the depth
            # at each step, which deeply nested code makes quadratic.
            for caller in units:
                if caller.node.start_byte <= start < caller.node.end_byte:
                    callee = self.callee_at(name, self, caller.class_name)
                    if callee is not None:
                        found.append((caller.node.id, callee.node.id))
        return found

    def _sinking(self, units: Sequence[Unit], live: set[int], names: dict[int, bytes]) -> list[Unit]:
        """The `live` units whose text names a sink or calls a function of this file."""
        sinks = self.spec.needles
        local = set(names.values())
        chosen = []
        for unit in units:
            if unit.node.id not in live:
                continue
            body = self.source[unit.node.start_byte:unit.node.end_byte]
            if sinks is None or any(n in body for n in sinks) or any(c in body for c in local) \
                    or any(t in body for t in self.spelled):
                chosen.append(unit)
        return chosen

    def _holds_note(self, unit: Unit) -> bool:
        """Whether a taint rule's note lies in this unit's own code (not in a nested function,
        which is a unit of its own)."""
        start, end = tuple(unit.node.start_point), tuple(unit.node.end_point)
        at = bisect.bisect_left(self.notes, start)
        inside = []
        while at < len(self.notes) and self.notes[at] < end:
            inside.append(self.notes[at])
            at += 1
        if not inside:
            return False
        nested = [(tuple(u.node.start_point), tuple(u.node.end_point)) for u in self.units
                  if u.node.id != unit.node.id and unit.node.start_byte <= u.node.start_byte
                  and u.node.end_byte <= unit.node.end_byte]
        return any(not any(a <= note < b for a, b in nested) for note in inside)

    def _matches(self, needles: tuple[bytes, ...], code_only: bool) -> list[int]:
        """Where `needles` occur in the file as words, sorted; with `code_only`, not in a string or
        a comment (`input` in a docstring names nothing). One pass over the file, not one a function."""
        if code_only and needles is self.live and self.coded is not None:
            return self.coded
        return word_starts(self.source, self.root if code_only else None, needles)

    def _top_level_names(self, top: Unit, matches: list[int]) -> bool:
        """Whether the top level's own statements (not its functions or classes) hold a match."""
        if not matches:
            return False
        nested = {u.node.id for u in self.units[1:]}
        for child in top.node.named_children:
            inner = child.child_by_field_name("definition") if child.type == "decorated_definition" else child
            if inner is not None and (inner.id in nested or inner.type.startswith("class")):
                continue
            if _holds(matches, child):
                return True
        return False

    def summary(self, unit: Unit) -> Summary | None:
        key = unit.node.id
        if key in self.summaries:
            return self.summaries[key]  # None while in progress: a recursive call is not followed
        self.summaries[key] = None
        interpreter = self.make(self, unit)
        try:
            summary = interpreter.analyse()
        except (TaintBudgetExceeded, RecursionError) as exc:
            reason = str(exc) if isinstance(exc, TaintBudgetExceeded) else "nesting"
            self.diagnostics.append(
                f"{self.path}:{unit.node.start_point[0] + 1}: data flow not analysed: {reason} (function {unit.name})"
            )
            summary = Summary(unit.name, unit.node.start_point[0] + 1, tuple(p.name for p in unit.params))
        else:
            for hit in interpreter.hits:
                self.hits.setdefault((hit.rule_id, hit.start), hit)
            for site, safe in interpreter.sites.items():
                self.safe_sites[site] = self.safe_sites.get(site, True) and safe
            self.dead_spans.extend(interpreter.dead)
        self.summaries[key] = summary
        return summary

    def lookup(self, name: str, class_name: str | None) -> Unit | None:
        """A function of this file a call may mean: a method of the current class first."""
        if class_name is not None:
            unit = self.by_name.get(f"{class_name}.{name}")
            if unit is not None:
                return unit
        return self.by_name.get(name)


def word_starts(source: bytes, root: Node | None, needles: Iterable[bytes]) -> list[int]:
    """Where `needles` occur in `source` as words, sorted; with the file's tree `root`, only in
    code, not in a string or a comment."""
    found = _word_matches(source, needles)
    if root is not None:
        found = [(start, end) for start, end in found
                 if not _prose((root.descendant_for_byte_range(start, end) or root).type)]
    return [start for start, _ in found]


CONFIRM_TRIES = 8  # names resolved per function before its matches are all taken as they are


def confirmed(starts: list[int], spans: Sequence[tuple[int, int]], test: Callable[[int], bool]) -> list[int]:
    """The sorted `starts` of matches that `test` confirms (a name that resolves to a source or a
    sink), asked at most CONFIRM_TRIES times per innermost span of `spans` (functions, sorted by
    start) around a match: past that, or once one is confirmed, the span's other matches are kept
    unasked. What is kept only says "may": keeping more analyses more, never less; and a name's
    resolution walks up the tree, which deeply nested code makes slow."""
    firsts = [a for a, _ in spans]
    kept: list[int] = []
    settled: set[int] = set()  # spans (by index; -1 the top level) with a confirmed or untested match
    tries: dict[int, int] = {}
    for at in starts:
        index = bisect.bisect_right(firsts, at) - 1
        while index >= 0 and spans[index][1] <= at:
            index -= 1
        if index in settled:
            kept.append(at)
            continue
        tries[index] = tries.get(index, 0) + 1
        if tries[index] > CONFIRM_TRIES or test(at):
            settled.add(index)
            kept.append(at)
    return kept


def _prose(kind: str) -> bool:
    """A node type of text that is not code, in any grammar: comments and string contents."""
    return "comment" in kind or "string" in kind


def _holds(starts: list[int], node: Node) -> bool:
    """Whether one of the sorted `starts` of matches lies within `node`."""
    at = bisect.bisect_left(starts, node.start_byte)
    return at < len(starts) and starts[at] < node.end_byte


class _Occurrences:
    """Where each literal occurs in a file, found once per literal and kept sorted."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.found: dict[bytes, list[int]] = {}

    def starts(self, literal: bytes) -> list[int]:
        starts = self.found.get(literal)
        if starts is None:
            starts = self.found[literal] = []
            at = self.source.find(literal)
            while at >= 0:
                starts.append(at)
                at = self.source.find(literal, at + 1)
        return starts

    def holders(self, literal: bytes, units: Sequence[Unit], root: Node | None) -> set[int]:
        """The units (by node id) whose text holds `literal`: the nodes around each occurrence,
        up to the root (without a tree, each unit's byte range)."""
        if root is None:
            return {u.node.id for u in units if any(u.node.start_byte <= at <= u.node.end_byte - len(literal)
                                                     for at in self.starts(literal))}
        unit_ids = {u.node.id for u in units}
        found: set[int] = set()
        for start in self.starts(literal):
            node: Node | None = root.descendant_for_byte_range(start, start + len(literal))
            while node is not None:
                if node.id in unit_ids:
                    found.add(node.id)
                node = node.parent
        return found


_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_SEPARATORS = (b".", b"->", b"::")  # a member access: Python, JS, Java; PHP; PHP and Ruby


def _word_matches(source: bytes, needles: Iterable[bytes]) -> list[tuple[int, int]]:
    """Where any needle occurs as a whole word (`input(`, not `render_input(`), sorted by start:
    a needle starting with `.` is a member read (`.GET`), one ending with `.` a member's owner
    (`request.`), and a member access is spelled `.`, `->` or `::`. One `bytes.find` scan per
    needle: far cheaper than a regex with look-arounds tried at every byte of the file."""
    found = []
    for needle in sorted(set(needles)):
        head, tail = needle.startswith(b"."), needle.endswith(b".") and len(needle) > 1
        core = needle.strip(b".") if head or tail else needle
        if not core:
            continue
        bounded_before = not head and (needle[:1].isalnum() or needle[:1] in b"_$")
        bounded_after = not tail and (needle[-1:].isalnum() or needle[-1:] in b"_$")
        at = source.find(core)
        while at >= 0:
            start, end = at, at + len(core)
            ok = True
            if head:
                separator = next((x for x in _SEPARATORS if source.endswith(x, 0, start)), None)
                ok = separator is not None
                start -= len(separator or b"")
            elif bounded_before and start > 0 and (source[start - 1] in _WORD or source[start - 1] == 0x2E):
                ok = False
            if ok and tail:
                separator = next((x for x in _SEPARATORS if source.startswith(x, end)), None)
                ok = separator is not None
                end += len(separator or b"")
            elif ok and bounded_after and end < len(source) and source[end] in _WORD:
                ok = False
            if ok:
                found.append((start, end))
            at = source.find(core, at + 1)
    return sorted(found)


_IMPORTED = re.compile(rb"([A-Za-z_]\w*)(?:[ \t]+as[ \t]+([A-Za-z_]\w*))?")


def _imported(source: bytes, modules: set[bytes], segments: frozenset[bytes], lines: Any) -> tuple[bytes, ...]:
    """What a function must spell to use a source imported by name: `environ` after
    `from os import environ`, `rq` after `from flask import request as rq`."""
    if b"from" not in source:
        return ()
    found: set[bytes] = set()
    for match in lines.finditer(source):
        start = match.start()
        if source[source.rfind(b"\n", 0, start) + 1:start].strip(b" \t"):
            continue  # not what its line starts with: no import statement
        module, names = match.groups()
        if module.split(b".", 1)[0] not in modules:
            continue
        for name, alias in _IMPORTED.findall(names):
            if name in segments:
                found.add(alias or name)
    return tuple(sorted(found))


class Interpreter:
    """Abstract interpretation of one function: statements in order, branches joined, loops run
    twice, every value carrying where it may come from."""

    receiver_names: frozenset[str] = frozenset({"self", "this"})

    def __init__(self, file: FileAnalysis, unit: Unit) -> None:
        self.file = file
        self.spec = file.spec
        self.unit = unit
        self.env: dict[str, Value] = {}
        self.returned: Value | None = None
        self.hits: list[Hit] = []
        self.sites: dict[tuple[str, Place], bool] = {}  # see FileAnalysis.safe_sites
        self.dead: list[Span] = []
        self.summary = Summary(unit.name, unit.node.start_point[0] + 1, tuple(p.name for p in unit.params))
        self.left = file.budget
        self.depth = 0
        self._roots: dict[str, str | None] = {}

    # -- to be provided by the adapter
    def exec(self, node: Node) -> bool:
        """Run a statement; False when it never falls through (return, raise, break)."""
        raise NotImplementedError

    def _eval(self, node: Node) -> Value:
        """The value of an expression of the adapter's grammar."""
        raise NotImplementedError

    def eval(self, node: Node | None) -> Value:
        """The value of an expression, each visit counted against the step budget and the nesting limit."""
        if node is None:
            return UNKNOWN
        # tick() and enter() written out: the hottest call of every adapter.
        self.left -= 1
        if self.left < 0:
            raise TaintBudgetExceeded("budget")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TaintBudgetExceeded("nesting")
        try:
            return self._eval(node)
        finally:
            self.depth -= 1

    # -- driving
    def analyse(self) -> Summary:
        for index, param in enumerate(self.unit.params):
            self.env[param.name] = self.param_value(index, param)
        self.run_body()
        if self.unit.name == "<module>":
            self.file.globals.update({k: Value(v.const) for k, v in self.env.items() if v.constant})
        if self.returned is not None:
            self.summary.constant = self.returned.constant and not self.returned.taints
            for taint in self.returned.taints:
                if not taint.origin.startswith("param:"):
                    self.summary.sources = merge_taints(self.summary.sources, (taint,))
                    continue
                index = int(taint.origin[6:])
                prior = self.summary.returns.get(index)
                self.summary.returns[index] = taint.cleansed if prior is None else prior & taint.cleansed
        return self.summary

    def run_body(self) -> None:
        if self.unit.body is not None:
            self.exec(self.unit.body)

    def param_value(self, index: int, param: Param) -> Value:
        source = self.spec.param_source(param, self.unit.decorators)
        if source is not None:
            what = source.label or "request parameter"
            return Value(NOT_CONST, (Taint(source.kind, (step(param.node, f"source: {what} {param.name}"),)),))
        return Value(NOT_CONST, (Taint(f"param:{index}", (step(param.node, f"parameter {param.name}"),)),))

    def tick(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TaintBudgetExceeded("budget")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TaintBudgetExceeded("nesting")

    def leave(self) -> None:
        self.depth -= 1

    # -- state
    def read(self, key: str) -> Value | None:
        value = self.env.get(key)
        if value is None:
            value = self.file.globals.get(key)
        return value

    def assign(self, key: str, value: Value, node: Node) -> None:
        # A statement built from constants only (sql = "SELECT ... " + TABLE) harms no sink.
        site = (ANY_RULE, location(node)[0])
        self.sites[site] = self.sites.get(site, True) and value.constant and not value.taints
        if value.taints:
            value = Value(value.const, tuple(extend(t, step(node, short(node) if "=" in text(node) else f"{key} = {short(node)}")) for t in value.taints))
        self.env[key] = value

    def add_to(self, key: str, value: Value, node: Node) -> None:
        """A container write: the container may now hold `value` too (a weak update)."""
        old = self.read(key) or UNKNOWN
        moved = tuple(extend(t, step(node, f"stored in {key}")) for t in value.taints)
        # A constant dict keeps its entries: a read with another constant key still finds them.
        const = old.const if isinstance(old.const, dict) else NOT_CONST
        self.env[key] = Value(const, merge_taints(old.taints, moved))

    def clean(self, keys: Iterable[str]) -> None:
        """After an allow-list check or a comparison with a constant: the value is a known one."""
        for key in keys:
            self.env[key] = Value(SOME_CONST)

    def branch(self, arms: Sequence[Callable[[], bool]], fallthrough_without_arm: bool) -> bool:
        """Run each arm from the current state; continue with the join of those that fall through
        (and of the state before, if no arm need run)."""
        before = self.env
        ends: list[dict[str, Value]] = [before] if fallthrough_without_arm else []
        for arm in arms:
            self.env = dict(before)
            if arm():
                ends.append(self.env)
        if not ends:
            self.env = before
            return False
        self.env = join_envs(ends)
        return True

    def loop(self, body: Callable[[], Any]) -> None:
        """Twice: a value written late in the body reaches reads early in it the second time;
        once if the first pass tainted nothing new (most loops, and nested ones multiply)."""
        before = dict(self.env)
        for _ in range(2):
            body()
            self.env = join_envs([before, self.env])
            if all(value.taints == before.get(key, UNKNOWN).taints for key, value in self.env.items()):
                return
            before = dict(self.env)

    def arm(self, node: Node | None, ran: bool) -> None:
        """A branch arm run or, its condition folded to a constant, skipped: code only ever skipped
        is dead, and a sink in it reports nothing."""
        if node is not None:
            self.file.arms.setdefault((location(node)), set()).add(ran)

    def skipped(self, node: Node) -> None:
        """Code a condition that folds to a constant never runs (`if DEBUG:` with DEBUG = False)."""
        self.dead.append(location(node))

    def returned_to(self, node: Node, value: Value, keywords: Mapping[str, str]) -> None:
        """A value this function returns, where its decorator makes the return a sink (a view's
        response); `keywords`: the decorators' keyword arguments, by name, as written."""
        for rule_id, sink in self.spec.return_sinks:
            if any(sink.pattern.matches(d) and not sink.spares(d) for d in self.unit.decorators) and all(
                    v in keywords.get(k, "") for k, v in sink.keyword.items()):
                self.report(rule_id, sink, value, node, "returned as the response")

    def give_back(self, value: Value) -> None:
        self.returned = value if self.returned is None else join(self.returned, value)

    # -- names and sources
    def root_name(self, node: Node) -> str | None:
        """An identifier's qualified name, once per function: names are per scope, not per use."""
        key = text(node)
        if key not in self._roots:
            self._roots[key] = self.file.qualify(node)
        return self._roots[key]

    def call_name(self, node: Node, last: str) -> str | None:
        """A call's qualified name, only if some pattern could match one ending in `last`."""
        lasts = self.spec.call_lasts
        return self.file.qualify(node) if lasts is None or last in lasts else None

    def read_source(self, node: Node, root: Node | None, last: str) -> Value | None:
        """The source a name read is, if any; resolved only when it may be one."""
        tails = self.spec.source_tails
        if tails is None or last in tails:
            return self.source_value(node, self.file.qualify(node))
        if root is not None and self.root_name(root) in self.spec.source_roots:
            return self.source_value(node, self.file.qualify(node) if root is not node else self.root_name(root))
        return None

    def write_name(self, node: Node, last: str) -> str | None:
        lasts = self.spec.write_lasts
        if not self.spec.write_sinks or (lasts is not None and last not in lasts):
            return None
        return self.file.qualify(node)

    def source_value(self, node: Node, name: str | None) -> Value | None:
        source = self.spec.source_for(name)
        if source is None:
            return None
        what = source.label or name
        return Value(NOT_CONST, (Taint(source.kind, (step(node, f"source: {what}"),)),))

    def write_sink(self, target: Node, name: str | None, value: Value) -> None:
        """An assignment into a sink name: session["k"] = v, element.innerHTML = v."""
        for rule_id, sink in self.spec.sinks_for(name, write=True):
            self.report(rule_id, sink, value, target, f"stored in {name}")
            self.file.visited(rule_id, target.start_point[0] + 1, _safety([value], sink.sink_class))

    # -- calls
    def call(
        self,
        node: Node,
        name: str | None,
        receiver: Value | None,
        receiver_key: str | None,
        args: Sequence[tuple[Value, Node]],
        kwargs: Mapping[str, tuple[Value, Node]],
        local: Unit | None,
        method: str = "",
    ) -> Value:
        """The value of a call, after checking its arguments against the sinks it may be.
        `method`: the callee's last identifier as written."""
        self.tick()
        sinks = self.spec.sinks_for(name)
        for rule_id, sink in sinks:
            if any(text(kwargs[k][1]) != v if k in kwargs else True for k, v in sink.keyword.items()):
                continue
            if any(k in kwargs and v not in text(kwargs[k][1]) for k, v in sink.unless.items()):
                continue  # e.g. a text/plain response is not HTML
            if sink.arg_types and not self._typed_args(sink, args):
                continue
            if (sink.matches is not None or sink.not_matches is not None) and not _call_text_fits(sink, node):
                continue
            if not all(self.holds(c, args, receiver) for c in sink.when) \
                    or any(self.holds(c, args, receiver) for c in sink.except_):
                continue
            taken = [value for position, (value, _) in enumerate(args) if sink.takes(position, None)]
            taken += [value for keyword, (value, _) in kwargs.items() if sink.takes(None, keyword)]
            if receiver is not None and RECEIVER in sink.args:
                taken.append(receiver)
            for value in taken:
                self.report(rule_id, sink, value, node, f"sink: {name}()")
            self.file.visited(rule_id, node.start_point[0] + 1, _safety(taken, sink.sink_class))
            site = (rule_id, location(node)[0])
            self.sites[site] = self.sites.get(site, True) and all(_safe(v, sink.sink_class) for v in taken)
        classes = frozenset(c for s in self.spec.sanitizers_for(name) if all(self.holds(w, args, receiver) for w in s.when)
                            and not any(self.holds(e, args, receiver) for e in s.except_) for c in s.classes)
        # A sanitiser first: a broad source pattern (fastapi.Request.*) may name it too (url_for).
        source = None if classes else self.source_value(node, name)
        if source is not None:
            return source
        inputs = [v for v, _ in args] + [v for v, _ in kwargs.values()]
        if classes:
            # Called with no arguments, or with constants only, a sanitiser method cleans its receiver
            # (addr.getHostAddress(), name.replace("'", "&apos;")).
            tainted = [v for v in inputs if v.taints]
            cleaning = tainted or ([receiver] if receiver is not None else inputs)
            cleaned = tuple(extend(t, step(node, f"sanitised by {name}()"), cleansed=classes)
                            for v in cleaning for t in v.taints)
            if not cleaned and ALL_CLASSES in classes:
                return Value(SOME_CONST)  # a number (or the like) made from untainted data: a known value
            return Value(NOT_CONST, merge_taints(cleaned))
        if local is not None:
            summary = self.file.summary(local)
            if summary is not None:
                return self.through_summary(node, summary, local.name, args, kwargs)
        elif self.file.external is not None and not sinks:
            called = self._external(node, name, method, receiver, inputs)
            if called is not None:
                found = self.through_summary(node, called.summary, called.label, args, kwargs, outside=True)
                if found.constant:
                    return found
                # What another file's function is found to drop or clean adds nothing here: its
                # arguments still flow through as they would without it (a summary of code
                # not reviewed with this call in mind may lose a path; it may only add one).
                return union([found, *((receiver and [receiver]) or []), *inputs])
        if sinks:
            # What a sink gives back is new data (rows, a response, a process), not its arguments:
            # following them on would report the same input again at the next sink.
            return Value(NOT_CONST, receiver.taints if receiver is not None else ())
        if receiver is not None and method in _LOOKUPS:
            # A lookup gives what the container holds (or the default), not the key it was asked for.
            return union([receiver, *(v for v, _ in args[1:])])
        if receiver_key is not None and self.spec.receiver_writers.matches(name):
            for value, arg in (*args, *kwargs.values()):
                if value.taints:
                    self.add_to(receiver_key, value, arg)
            receiver = self.read(receiver_key) or receiver
        return union([*((receiver and [receiver]) or []), *inputs])

    def _external(self, node: Node, name: str | None, method: str, receiver: Value | None,
                  inputs: Sequence[Value]) -> Any:
        """The summary of a function of another file of the scan this call means, if any."""
        tainted = any(v.taints for v in inputs) or (receiver is not None and bool(receiver.taints))
        if not tainted and not self.file.follow_clean:
            return None
        qualified = name if name is not None or not method else self.file.qualify(node)
        if qualified is None or self.file.external is None:
            return None
        return self.file.external(qualified, tainted)

    def _typed_args(self, sink: Sink, args: Sequence[tuple[Value, Node]]) -> bool:
        """Whether the arguments `sink.arg_types` names are of those types (fmt.Fprintf(w, ...)
        with w an http.ResponseWriter)."""
        return all(position < len(args) and pattern.matches(self.file.qualify(args[position][1]))
                   for position, pattern in sink.arg_types)

    def holds(self, condition: ArgCondition, args: Sequence[tuple[Value, Node]], receiver: Value | None = None) -> bool:
        """A sink's `when`/`except` condition on the call's positional arguments, or its receiver."""
        if condition.arg == RECEIVER_ARG:
            if receiver is None or condition.property is not None:
                return False
            found: Any = receiver.const
            if condition.matches is None:
                return True
            return isinstance(found, str) and condition.matches.search(found) is not None
        if condition.arg >= len(args) or condition.arg < 0:
            return False
        value, node = args[condition.arg]
        found = value.const
        if condition.property is not None:
            if isinstance(value.const, dict):
                if condition.property not in value.const:
                    return False
                found = value.const[condition.property]
            else:
                inner = self.literal_property(node, condition.property)
                if inner is None:
                    return False
                found = text(inner).strip("'\"`")
        if condition.matches is None:
            return True
        if isinstance(found, bool):
            found = "true" if found else "false"
        return isinstance(found, str | int | float) and condition.matches.search(str(found)) is not None

    def literal_property(self, node: Node, name: str) -> Node | None:
        """The value node of key `name` in an object literal written in place (adapters say how
        their grammar spells one), for an object whose value is not wholly constant."""
        return None

    def through_summary(
        self,
        node: Node,
        summary: Summary,
        label: str,
        args: Sequence[tuple[Value, Node]],
        kwargs: Mapping[str, tuple[Value, Node]],
        outside: bool = False,
    ) -> Value:
        """The call's value through the callee's summary. `outside`: the callee is in another
        file, so a flow into one of its sinks is reported here, at the call, its path going on
        into that file."""
        by_index = {i: v for i, (v, _) in enumerate(args)}
        for keyword, (value, _) in kwargs.items():
            if keyword in summary.params:
                by_index[summary.params.index(keyword)] = value
        into = step(node, f"passed to {label}()")
        for sink in summary.sinks:
            passed = by_index.get(sink.param)
            if passed is None:
                continue
            if not outside:
                seen = verdict(Value(passed.const, tuple(extend(t, cleansed=sink.cleansed) for t in passed.taints)),
                               sink.sink_class)
                self.file.visit(sink.rule_id, sink.start, CALLER_SAFE if seen == SAFE else seen)
            start, end = location(node) if outside else (sink.start, sink.end)
            for taint in passed.taints:
                if _cleansed(taint.cleansed | sink.cleansed, sink.sink_class):
                    continue
                steps = _clip(taint.steps + (into,) + sink.steps)
                self.hit_or_summarise(sink.rule_id, sink.sink_class, taint, steps, start, end, sink.cleansed)
        back = step(node, f"returned from {label}()")
        taints = [
            extend(t, into, back, cleansed=cleansed)
            for index, cleansed in summary.returns.items()
            for t in (by_index[index].taints if index in by_index else ())
        ] + [extend(t, back) for t in summary.sources]
        return Value(SOME_CONST if summary.constant and not taints else NOT_CONST, merge_taints(taints))

    def report(self, rule_id: str, sink: Sink, value: Value, node: Node, message: str) -> None:
        start, end = location(node)
        self.file.visit(rule_id, start, verdict(value, sink.sink_class))
        for taint in value.taints:
            if _cleansed(taint.cleansed, sink.sink_class):
                continue
            steps = _clip(taint.steps + (step(node, message),))
            self.hit_or_summarise(rule_id, sink.sink_class, taint, steps, start, end, taint.cleansed)

    def hit_or_summarise(
        self, rule_id: str, sink_class: str, taint: Taint, steps: tuple[Step, ...],
        start: tuple[int, int], end: tuple[int, int], cleansed: frozenset[str],
    ) -> None:
        if taint.origin in (REMOTE, LOCAL):
            self.hits.append(Hit(rule_id, taint.origin, start, end, steps))
            return
        index = int(taint.origin[6:])
        # Inside the callee the path starts at the parameter: the caller puts its own steps first.
        inner = steps[1:] if steps and steps[0].message.startswith("parameter ") else steps
        self.summary.sinks.append(SinkSummary(index, rule_id, sink_class, start, end, inner, cleansed))


def _safety(values: Sequence[Value], sink_class: str) -> bool | None:
    """True: only constants or values sanitised for the class reach the sink; False: a taint
    that is not; None: a value of unknown origin."""
    safe: bool | None = True
    for value in values:
        if any(not _cleansed(t.cleansed, sink_class) for t in value.taints):
            return False
        if not value.constant and not value.taints:
            safe = None
    return safe


_LOOKUPS = frozenset({"get", "getOrDefault", "getOrElse", "pop"})


def _call_text_fits(sink: Sink, node: Node) -> bool:
    """A sink's `matches` / `not_matches`, searched in the call's source text."""
    call = text(node)
    if sink.matches is not None and not sink.matches.search(call):
        return False
    return sink.not_matches is None or not sink.not_matches.search(call)


def _safe(value: Value, sink_class: str) -> bool:
    """Proven harmless for the class: a constant, or only sanitised data (no unknown part)."""
    if value.constant:
        return all(_cleansed(t.cleansed, sink_class) for t in value.taints)
    return bool(value.taints) and all(_cleansed(t.cleansed, sink_class) for t in value.taints)


def _cleansed(cleansed: frozenset[str], sink_class: str) -> bool:
    return sink_class in cleansed or ALL_CLASSES in cleansed
