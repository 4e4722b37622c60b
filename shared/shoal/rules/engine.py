"""Running rules over an already-parsed tree: one combined query pass per language, plus the
rule queries that a literal prefilter lets through.

All of a language's rule queries are concatenated into one tree-sitter query, so the tree is
walked once however many rules there are; each match is traced back to its rule by the byte
offset where its pattern starts. `run_with_metrics` puts the metrics query in front of the rules,
so one pass over the tree serves both (measured: 13% less query time than two passes). Capture
constraints are then checked in Python, per match. A rule that raises while being checked
becomes a diagnostic and the other rules go on.

Every pattern in a combined query costs time on every node of every file (Django: 2.6 s for 43
Python rule patterns, against 0.5 s for the metrics alone). A pattern whose text predicates
(#eq?, #any-of?, #match?) need strings that a file does not contain cannot match in it. RE2's
FilteredRE2 reduces each predicate to such strings ("atoms"); a rule query all of whose patterns
need some is left out of the combined query and run on its own, only on the files whose bytes
hold what one of its patterns needs. One RE2 pass per file finds the atoms. A gated query that
turns out to be run on many of a repository's files joins the combined pass after all. On
Django's Python, the query time of a scan with the rules went from 2.8 s to 1.5 s.

Atoms are a weak test ("select" and "from" let the SQL-statement queries through in a sixth of
Django's files), and a gated query used to walk the whole tree of each file it ran on. Now each
predicate's own regex, its assertions dropped (_loosened), is searched for in the file's bytes
before its query runs, and the query cursor is given the byte ranges of what was found: every
match overlaps them, since the node a predicate tests holds the text. On Django's sdist (2,823
Python files) the gated queries took 3.0 s and now 0.45 s; the calls rules' query likewise walks
only around the places their callees' last names are written.

Rules that name the functions they report (`calls:`) are matched the same way in spirit: one
query per language captures only the calls whose callee's last identifier a rule needs, run only
on files whose bytes hold one, and only their callees are resolved (shoal.rules.calls).
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import re2
from tree_sitter import Node, Query, Tree

from shoal.analysis import parser, querytext
from shoal.analysis.names import FileNames
from shoal.findings import fingerprint
from shoal.models import Finding, FlowStep, Location, Severity
from shoal.rules import calls as call_rules
from shoal.rules import fixes
from shoal.rules.registry import FINDING_CAPTURE, TAINT, Constraint, Rule, RuleSet

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SNIPPET_CHARS = 80


@dataclass
class _Gated:
    """A rule query run on its own, only on files where one of its patterns may match: where
    every predicate that pattern needs (indexes into the prefilter) is a potential match. It is
    compiled the first time such a file comes: many never meet one."""

    index: int  # of the rule query among the language's, in the combined query's order
    rule: Rule
    text: str
    language: str
    needs: tuple[frozenset[int], ...]  # per pattern
    hits: int = 0  # files it was run on
    # Every predicate any pattern needs: a file whose atoms hold none of them is not looked at
    # (_Compiled.needed_by; most files, for most gated queries).
    atoms: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.atoms = frozenset().union(*self.needs)

    def possible(self, gate: _FileGate) -> list[frozenset[int]]:
        """The patterns that may match in the file: its predicates' atoms are all in it (a set
        test), and then each predicate's own search finds something (once per file)."""
        possible = [pattern for pattern in self.needs
                    if pattern <= gate.potential and all(gate.holds(p) for p in pattern)]
        if possible:
            self.hits += 1
        return possible

    def matches(self, tree: Tree, gate: _FileGate) -> list[parser.Match]:
        """The query's matches, where it may match (see `possible`); empty where it may not."""
        possible = self.possible(gate)
        if not possible:
            return []
        return parser.matches(self.query, tree.root_node, gate.ranges(possible))

    def too_common(self, files: int) -> bool:
        """Run on so many of `files` that a place in the combined pass costs less (see _PASS_SHARE)."""
        return self.hits > files * _PASS_SHARE * len(self.needs)

    @property
    def query(self) -> Query:
        return _gated_query(self.language, self.text)


@cache
def _gated_query(language: str, text: str) -> Query:
    # Kept across the combined query's recompiles, which make new _Gated entries.
    return parser.compile_query(language, text)


@dataclass(frozen=True)
class _Compiled:
    query: Query | None  # None: the language's rules are all `calls` rules, and no metrics
    starts: tuple[int, ...]  # byte offset of each rule query in the combined source
    owners: tuple[Rule, ...]  # the rule of the query starting at the same index
    prefix_bytes: int = 0  # patterns starting before this are the metrics query's
    # Patterns are numbered in the order they are written: those below this are the metrics query's.
    metric_patterns: int = 0
    gated: tuple[_Gated, ...] = ()
    # By prefilter index, the gated queries (positions in `gated`) that need it somewhere: a
    # file's potential predicates name the few worth a look (Python: 36 gated queries).
    needed_by: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    prefilter: Any = None  # re2.Filter of the gated patterns' predicates
    calls: call_rules.CallMatcher | None = None
    # Per prefilter index, a search for what the predicate's capture must hold, over a whole file
    # (None: no such search is known; the atoms alone decide).
    confirm: tuple[_FileSearch | None, ...] = ()
    # What each rule pattern in the combined pass needs (prefilter indexes); None: some pattern
    # may match in any file. A file that holds none of them gets the metrics query's captures
    # (one dict for the file, not one per match: Django's 159,000 metrics matches cost 0.36 s).
    pass_needs: tuple[frozenset[int], ...] | None = None

    def gate(self, source: bytes) -> _FileGate:
        """What the gated queries may find in `source`."""
        potential = set(self.prefilter.Match(source, True) or ()) if self.prefilter is not None else set()
        return _FileGate(source, potential, self.confirm)

    def rules_in_pass(self, gate: _FileGate | None) -> bool:
        """Whether a rule pattern of the combined pass may match in the file `gate` sees."""
        if self.pass_needs is None or gate is None:
            return self.pass_needs is None or bool(self.pass_needs)
        # Atoms only: confirming each predicate by a search of the file cost more than it saved.
        return any(pattern <= gate.potential for pattern in self.pass_needs)


@dataclass(frozen=True)
class _FileSearch:
    """What a node matching a predicate holds, searched for in a whole file: whether it is there,
    and where (every node whose text matches overlaps one of the places found)."""

    found: Callable[[bytes], Any]  # RE2 set, yes/no: only to refuse a search that holds for any text
    regex: Any  # re2 regex, for the places

    def places(self, source: bytes) -> list[tuple[int, int]]:
        return parser.ranges_of(self.regex, source)


class _FileGate:
    """One file, seen by the gated queries' predicates. Atoms are a weak test (Django: "select"
    and "from" are in a sixth of the files, a quote followed by "select ... from" in a
    thirtieth); each predicate's search runs at most once per file, and so does its finditer.
    Then a gated query walks only the parts of the tree around the places its predicates' text
    is: a match overlaps them, as the node its predicate tests is inside the match."""

    def __init__(self, source: bytes, potential: set[int], confirm: Sequence[_FileSearch | None]) -> None:
        self.source = source
        self.potential = potential
        self._confirm = confirm
        self._holds: dict[int, bool] = {}
        self._places: dict[int, list[tuple[int, int]] | None] = {}

    def _search(self, index: int) -> _FileSearch | None:
        return self._confirm[index] if index < len(self._confirm) else None

    def holds(self, index: int) -> bool:
        found = self._holds.get(index)
        if found is None:
            # By its places, not a yes/no search: most predicates that hold are placed next
            # (their pattern's other predicates hold too), and one scan then serves both.
            found = self._holds[index] = self._search(index) is None or bool(self.places(index))
        return found

    def places(self, index: int) -> list[tuple[int, int]] | None:
        if index not in self._places:
            search = self._search(index)
            self._places[index] = search.places(self.source) if search is not None else None
        return self._places[index]

    def ranges(self, patterns: Sequence[frozenset[int]]) -> list[tuple[int, int]] | None:
        """The byte ranges every match of `patterns` overlaps: per pattern, the places of its
        predicate found in the fewest; None (the whole tree) if a pattern has no searched one."""
        places: list[tuple[int, int]] = []
        for pattern in patterns:
            known = [found for found in map(self.places, sorted(pattern)) if found is not None]
            if not known:
                return None
            fewest = min(known, key=len)
            places.extend(fewest)
        return parser.merge_ranges(places)


MetricCaptures = dict[str, list[Node]]
_TRIAL_FILES = 64  # files the gated queries are counted over between reviews
_REVIEWS = 2  # times per language that happens (each compiles the combined query again: ~13 ms for Python)
# A pattern in the combined pass costs about a tenth of a pass of its own (measured on Django); a
# gated query joins at half that share of files: joining early saves the recompiles of later
# reviews. Tuned on Django's security scan, per worker, matching + compiling: 1.15 s with
# (32 files, 4 reviews, a tenth), 0.99-1.14 s with these; before any gating, matching alone 1.4 s.
_PASS_SHARE = 0.05
_UNCOMPILED = object()


class RuleEngine:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._by_id = rules.by_id  # once: RuleSet.by_id builds the dict anew (420 rules) at each call
        self._compiled: dict[tuple[str, bool], _Compiled | None] = {}
        # Per language and query kind, the rule queries kept in the combined pass although they
        # could be gated: they turned out to be possible in too many of this repository's files.
        self._ungated: dict[tuple[str, bool], frozenset[int]] = {}
        self._reviews: Counter[tuple[str, bool]] = Counter()
        self._files: Counter[tuple[str, bool]] = Counter()  # run through the gated queries since the last compile
        self._taint: dict[str, Any] = {}  # language -> taint Spec (None: no taint rule for it)

    def prepare(self, languages: Sequence[str]) -> None:
        """Compile the combined queries for `languages` now, before the first file needs them."""
        for language in languages:
            self._compiled_for(language, True)

    def run(self, language: str, tree: Tree, source: bytes, path: str) -> tuple[list[Finding], list[str]]:
        """Findings of every rule for `language` on this file, and diagnostics of failed rules.
        `source` is the bytes `tree` was parsed from."""
        findings, diagnostics, _ = self._run((language, False), tree, source, path)
        return findings, diagnostics

    def run_with_metrics(
        self, language: str, tree: Tree, source: bytes, path: str, summaries: list[dict[str, Any]] | None = None,
        repository: Any = None,
    ) -> tuple[list[Finding], list[str], MetricCaptures | None]:
        """As `run`, plus the metrics query's captures from the same pass (None: no rules for
        this language, so the caller runs the metrics query itself). The taint summaries of the
        file's functions (which parameters reach the return value or a sink) go to `summaries`;
        `repository` (taint.Repository): the scan's other files, for calls into them."""
        return self._run((language, True), tree, source, path, summaries, repository)

    def _run(
        self, key: tuple[str, bool], tree: Tree, source: bytes, path: str,
        summaries: list[dict[str, Any]] | None = None, repository: Any = None,
    ) -> tuple[list[Finding], list[str], MetricCaptures | None]:
        compiled = self._compiled_for(*key)
        if compiled is None:
            return [], [], None
        run = _Run(key[0], path, source)
        file_names = FileNames(key[0], tree, source, path)  # resolved at most once: calls rules and taint
        metrics: MetricCaptures = {}
        query = compiled.query
        metric_patterns = compiled.metric_patterns
        gate = compiled.gate(source) if compiled.prefilter is not None else None
        if query is not None and not compiled.rules_in_pass(gate):
            # Only the metrics query can match here: its captures, without a dict per match.
            if key[1]:
                metrics = parser.captures(key[0], tree.root_node)
            query = None
        if query is not None:
            # Most matches are the metrics query's (Django: 79,000): one loop merges them. Their
            # tuples, dicts and lists set off the cycle collector every 700 allocations, which
            # walks them again and again while they live: paused meanwhile (they make no cycle).
            with _collector_paused():
                metrics, rule_matches = parser.split_matches(query, tree.root_node, metric_patterns)
            for pattern, captures in rule_matches:
                run.check(_owner(compiled, pattern), captures)
        if compiled.calls is not None:
            run.check_calls(compiled.calls, tree, source, file_names)
        if compiled.gated and gate is not None:
            worth = sorted({g for atom in gate.potential for g in compiled.needed_by.get(atom, ())})
            for gated in map(compiled.gated.__getitem__, worth):
                for _, captures in gated.matches(tree, gate):
                    run.check(gated.rule, captures)
            self._ungate_common(key, compiled)
        found = self._run_taint(key[0], tree, source, run, metrics.get("function") if key[1] else None, file_names,
                                repository)
        if summaries is not None:
            summaries.extend(found)
        return run.findings, sorted(run.failed.values()), metrics

    def _taint_spec(self, language: str) -> Any:
        if language not in self._taint:
            from shoal.analysis import taint  # only a scan with taint rules for the language needs it

            rules = [r.taint for r in self.rules.for_language(language) if r.mode == TAINT and r.taint]
            models = [r.taint for r in self.rules.for_language(language) if r.mode != TAINT and r.taint]
            self._taint[language] = taint.Spec(rules, models) if rules and taint.supported(language) else None
        return self._taint[language]

    def _run_taint(
        self, language: str, tree: Tree, source: bytes, run: _Run, functions: list[Node] | None,
        file_names: FileNames | None = None, repository: Any = None,
    ) -> list[dict[str, Any]]:
        """Taint findings replace the notes their rules' queries gave at the same place; a query
        match that no source reaches stays a note, unless data flow proves it harmless (only
        constant or sanitised arguments reach it, or a constant condition skips it)."""
        spec = self._taint_spec(language)
        if spec is None:
            return []
        from shoal.analysis import taint

        rules = self._by_id
        notes = [(f.location.start_line, f.location.start_col) for f in run.findings
                 if rules[f.rule_id].mode == TAINT]
        elsewhere = any(f.severity == Severity.NOTE for f in run.findings)  # see _proven_harmless
        try:
            result = taint.analyse(language, tree, source, run.path, spec, functions=functions, notes=notes,
                                   file_names=file_names, repository=repository, noted_elsewhere=elsewhere)
        except Exception as exc:  # noqa: BLE001 - the rules' other findings still count
            run.failed["taint"] = f"{run.path}: data flow not analysed: {type(exc).__name__}: {exc}"
            return []
        flows = [_flow_finding(rules[hit.rule_id], hit, run.path, run.seen) for hit in result.hits]
        # A flow replaces the notes its rule's queries gave on any line of its path; a note on a
        # sink that only constants or sanitised values were seen to reach is no finding at all.
        reached = {(f.rule_id, step.line) for f in flows for step in f.steps if step.path == run.path}
        reached.update(result.cleared)
        run.findings = [f for f in run.findings if (f.rule_id, f.location.start_line) not in reached
                        and not _proven_safe(f, rules[f.rule_id], result)
                        and not _dead(f, rules, result.dead_lines)
                        and not _proven_harmless(result, f)] + flows
        for diagnostic in result.diagnostics:
            run.failed[diagnostic] = diagnostic
        return result.summaries

    def _compiled_for(self, language: str, with_metrics: bool) -> _Compiled | None:
        # Read once: with inline fan-out, agents on other threads may drop the entry meanwhile.
        key = (language, with_metrics)
        found = self._compiled.get(key, _UNCOMPILED)
        if found is not _UNCOMPILED:
            return found  # type: ignore[return-value]
        prefix = parser.query_source(language) if with_metrics else ""
        ungated = self._ungated.get(key, frozenset())
        compiled = self._compiled[key] = _compile(self.rules.for_language(language), language, prefix, ungated)
        return compiled

    def _ungate_common(self, key: tuple[str, bool], compiled: _Compiled) -> None:
        """Every `_TRIAL_FILES` files since the last compile (up to `_REVIEWS` times), move the
        gated queries run on too many of them into the combined pass, which is compiled again for
        the next file. A review that finds none is not the last: a partition's first files may
        not be like the rest (measured: half of Django's Python files in path order, engine time
        2.33 s -> 1.34 s)."""
        self._files[key] += 1
        files = self._files[key]
        if files % _TRIAL_FILES or self._reviews[key] >= _REVIEWS:
            return
        self._reviews[key] += 1
        common = frozenset(gated.index for gated in compiled.gated if gated.too_common(files))
        if common:
            self._ungated[key] = self._ungated.get(key, frozenset()) | common
            self._compiled.pop(key, None)
            self._files[key] = 0  # the next review counts the new gated queries from here


class _Run:
    """The findings of one file so far, and the rules that failed on it."""

    def __init__(self, language: str, path: str, source: bytes = b"") -> None:
        self.language = language
        self.path = path
        self.source = source  # for rules with a fix: the edit is cut from the file's bytes
        self.findings: list[Finding] = []
        self.failed: dict[str, str] = {}
        self.seen: Counter[tuple[str, str]] = Counter()

    def check(self, rule: Rule, captures: dict[str, list[Node]]) -> None:
        if rule.id in self.failed:
            return
        try:
            finding = _finding(rule, captures, self.language, self.path, self.seen)
            if finding is not None and rule.fix is not None:
                finding = replace(finding, fix=fixes.render(rule.fix, captures, self.source, self.path))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the scan
            self.failed[rule.id] = f"{self.path}: rule {rule.id} failed and was skipped: {type(exc).__name__}: {exc}"
            return
        if finding is not None:
            self.findings.append(finding)

    def check_calls(
        self, matcher: call_rules.CallMatcher, tree: Tree, source: bytes, file_names: FileNames | None = None,
    ) -> None:
        """Findings of the `calls` rules: one per rule and call, whichever of its specs matched."""
        reported: set[tuple[str, int]] = set()
        try:
            for rule, spec, call, qualified, table in matcher.calls(tree, source, self.path, file_names):
                if rule.id in self.failed or (rule.id, call.id) in reported:
                    continue
                try:
                    args = call_rules.accepts(spec, call, table)
                    if args is None:
                        continue
                    message = _call_message(rule.message, call, qualified, args)
                except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the scan
                    self.failed[rule.id] = f"{self.path}: rule {rule.id} failed and was skipped: {type(exc).__name__}: {exc}"
                    continue
                reported.add((rule.id, call.id))
                finding = _located(rule, call, message, self.path, self.seen)
                if rule.fix is not None:
                    finding = replace(finding, fix=fixes.render(rule.fix, _call_captures(call, args), self.source,
                                                                self.path))
                self.findings.append(finding)
        except Exception as exc:  # noqa: BLE001 - name resolution must not stop the other rules
            self.failed["calls"] = f"{self.path}: the calls rules failed and were skipped: {type(exc).__name__}: {exc}"


def _compile(
    rules: Sequence[Rule], language: str, prefix: str = "", ungated: frozenset[int] = frozenset()
) -> _Compiled | None:
    if not rules:
        return None
    head = prefix.rstrip() + "\n\n" if prefix else ""
    chunks = [(rule, text.rstrip() + "\n\n") for rule in rules for text in rule.queries]
    specs = tuple((rule, spec) for rule in rules for spec in rule.calls)
    matcher = call_rules.CallMatcher(language, specs) if specs else None
    if not chunks and not head:
        return _Compiled(None, (), (), calls=matcher)
    gated, prefilter, confirm, pass_needs = _gate(chunks, language, ungated)
    # The combined query holds the metrics and the rule queries that are not gated, and only
    # those: compiling it again when a review moves a few gated queries in costs a few ms, not
    # the ~60 ms of every rule query of the language (each gated one is compiled alone, once).
    left_out = {entry.index for entry in gated}
    parts: list[str] = [head]
    starts: list[int] = []
    owners: list[Rule] = []
    indexes: list[int] = []
    offset = len(head.encode("utf-8"))
    for index, (rule, chunk) in enumerate(chunks):
        if index in left_out:
            continue
        starts.append(offset)
        owners.append(rule)
        indexes.append(index)
        parts.append(chunk)
        offset += len(chunk.encode("utf-8"))
    source = "".join(parts)
    query = parser.compile_query(language, source) if source else None
    prefix_bytes = len(head.encode("utf-8"))
    metric_patterns = sum(1 for p in range(query.pattern_count) if query.start_byte_for_pattern(p) < prefix_bytes) \
        if query is not None else 0
    needed_by: dict[int, list[int]] = {}
    for position, entry in enumerate(gated):
        for atom in sorted(entry.atoms):
            needed_by.setdefault(atom, []).append(position)
    return _Compiled(query, tuple(starts), tuple(owners), prefix_bytes, metric_patterns, gated=tuple(gated),
                     prefilter=prefilter, calls=matcher, confirm=confirm,
                     needed_by={atom: tuple(positions) for atom, positions in needed_by.items()},
                     pass_needs=pass_needs)


def _gate(
    chunks: Sequence[tuple[Rule, str]], language: str, ungated: frozenset[int]
) -> tuple[list[_Gated], Any, tuple[_FileSearch | None, ...], tuple[frozenset[int], ...] | None]:
    """The rule queries (but those in `ungated`, by index in `chunks`) every pattern of which
    needs atoms: each is run on its own where they are, and left out of the combined query.
    Each query is read compiled alone (cached: the same query serves its gated runs). Also what
    the rule patterns left in the combined pass need, per pattern (None: one may match anywhere)."""
    prefilter = _Predicates()
    constraints: dict[str, tuple[int, ...]] = {}  # by rule id: what its `where` needs
    needs: dict[int, list[tuple[int, ...]]] = {}  # by query index, per pattern
    for index, (rule, chunk) in enumerate(chunks):
        query = _gated_query(language, chunk)
        if not query.pattern_count:
            continue
        if rule.id not in constraints:
            constraints[rule.id] = _constraint_regexes(rule, prefilter)
        names = {query.capture_name(i): i for i in range(query.capture_count)}
        source = chunk.encode("utf-8")
        needs[index] = [_predicate_regexes(query, pattern, source, names, prefilter) + constraints[rule.id]
                        for pattern in range(query.pattern_count)]
    if not any(pattern for patterns in needs.values() for pattern in patterns):
        return [], None, (), (None if needs else ())
    prefilter.filter.Compile()
    # A predicate with no atom (".*", or only very short strings) is a potential match anywhere.
    anywhere = set(prefilter.filter.Match(b"", True) or ())
    gated: list[_Gated] = []
    in_pass: list[frozenset[int]] | None = []
    for index, patterns in sorted(needs.items()):
        selective = [frozenset(pattern) - anywhere for pattern in patterns]
        if index not in ungated and all(selective):
            rule, chunk = chunks[index]
            gated.append(_Gated(index, rule, chunk, language, tuple(selective)))
        elif in_pass is not None:
            # In the pass: a pattern that could match any file, or a query too common to gate.
            in_pass = None if not all(selective) else in_pass + selective
    return gated, prefilter.filter, tuple(prefilter.confirm), (tuple(in_pass) if in_pass is not None else None)


class _Predicates:
    """The prefilter of a language's gated queries, and per regex in it the search that confirms
    it in a file. A regex several patterns need (Python: 13 of 55, the SQL statement's among
    them) is added once, so a file searches for it and finds its places once."""

    def __init__(self) -> None:
        self.filter = re2.Filter()
        self.confirm: list[_FileSearch | None] = []  # by prefilter index
        self._index: dict[str, int] = {}

    def add(self, regex: str) -> int:
        """The regex's index in the prefilter; re2.error if RE2 cannot read it."""
        index = self._index.get(regex)
        if index is None:
            index = self._index[regex] = self.filter.Add(regex)
            self.confirm.append(_file_search(regex))
            assert len(self.confirm) == index + 1  # the prefilter numbers its regexes 0, 1, 2...
        return index


# A text predicate on one capture: (#eq? @name "a"), (#any-of? @name "a" "b"), (#match? @name "re").
_TEXT_PREDICATE = re.compile(r'\(#(eq|any-of|match)\?\s+@([\w.-]+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"'}


def _predicate_regexes(
    query: Query, pattern: int, source: bytes, names: dict[str, int], prefilter: _Predicates,
) -> tuple[int, ...]:
    """`pattern`'s text predicates as regexes added to `prefilter` (their indexes there): each
    must find its atoms in a file for the pattern to match in it; with each goes a search over
    a whole file that a file holding a match must pass (_Predicates.confirm)."""
    body = source[query.start_byte_for_pattern(pattern) : query.end_byte_for_pattern(pattern)].decode("utf-8")
    added = []
    for predicate in _TEXT_PREDICATE.finditer(body):
        kind, capture, values = predicate.groups()
        index = names.get(capture)
        # A predicate on a capture that may be absent holds without it: it needs nothing.
        if index is None or query.capture_quantifier(pattern, index) not in ("", "+"):
            continue
        strings = [_unescape(value.group(1)) for value in _QUOTED.finditer(values)]
        texts = [text for text in strings if text]
        if len(texts) < len(strings):  # an escape not understood, or an empty string: nothing is needed
            continue
        regex = texts[0] if kind == "match" else "|".join(re2.escape(text) for text in texts)
        try:
            added.append(prefilter.add(regex))
        except re2.error:
            continue  # Python's re syntax that RE2 does not read (a lookahead...): nothing needed
    return tuple(added)


def _constraint_regexes(rule: Rule, prefilter: _Predicates) -> tuple[int, ...]:
    """What the rule's `where` needs in a file for any of its matches to become a finding, as
    regexes added to `prefilter` (with their searches): the text a capture must
    equal or match. A capture that is absent fails those tests too (_holds), so they are needed
    by every pattern of the rule. (`code_only` regexes see blanked text: not used.)"""
    added = []
    for constraint in rule.constraints:
        regexes = []
        if constraint.equals is not None and all(constraint.equals):
            regexes.append("|".join(re2.escape(text) for text in sorted(constraint.equals)))
        if constraint.matches is not None and not constraint.code_only:
            regexes.append(constraint.matches.pattern)
        for regex in regexes:
            try:
                added.append(prefilter.add(regex))
            except re2.error:
                continue
    return tuple(added)


def _file_search(regex: str) -> _FileSearch | None:
    r"""A search over a whole file that finds something wherever a node of it matches `regex`:
    the regex without its assertions (a node's text is a slice of the file; what matches it
    with ^, $ or \b taken out matches the file there too). None where that is not known."""
    loose = _loosened(regex)
    if not loose:
        return None
    try:
        search = _FileSearch(querytext.search_bytes(loose), querytext.compile_regex(loose))
    except re2.error:
        return None
    # One that matches nothing at all holds everywhere, and has no place.
    return None if search.found(b"") else search


_DROPPED_ESCAPES = frozenset("bBAz")  # RE2's \b, \B, \A, \z: assertions
_REPEAT = re.compile(r"\{\d+(?:,\d*)?\}")


def _loosened(regex: str) -> str | None:
    r"""`regex` with its assertions (^, $, \b, \B, \A, \z) dropped, which only lets it match more,
    its groups made non-capturing (RE2 finds a match's bounds faster without groups) and its
    repetitions lazy (the same texts match, but the places found are the shortest: `select\s.+\s
    from` greedy would span from a file's first SELECT to its last "from"). None for what this
    reading does not follow (\Q...\E, a [ inside a character class)."""
    out: list[str] = []
    i, end, in_class, first = 0, len(regex), False, 0
    while i < end:
        char = regex[i]
        if char == "\\":
            escaped = regex[i + 1 : i + 2]
            if escaped == "Q":
                return None
            if in_class or escaped not in _DROPPED_ESCAPES:
                out.append(regex[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "[":
                return None  # [[:alpha:]] and kin
            in_class = not (char == "]" and i > first)  # a ] first in the class is itself
            out.append(char)
        elif char == "[":
            first = i + 2 if regex[i + 1 : i + 2] == "^" else i + 1
            out.append(regex[i:first])
            in_class, i = True, first
            continue
        elif char == "(":
            if regex[i + 1 : i + 2] == "?":  # (?:, (?i), (?P<name>: no repetition in there
                out.append("(?")
                i += 2
                continue
            out.append("(?:")
        elif char in "*+?{":
            repeat = _REPEAT.match(regex, i) if char == "{" else None
            stop = repeat.end() if repeat is not None else i + 1
            if char == "{" and repeat is None:
                out.append(char)  # a brace that is no repetition is itself
            else:
                out.append(regex[i:stop] + "?")
                stop += regex[stop : stop + 1] == "?"  # already lazy: once is enough
            i = stop
            continue
        elif char not in "^$":
            out.append(char)
        i += 1
    return "".join(out)


def _unescape(value: str) -> str | None:
    """A query string's value; None for an escape tree-sitter's reading of which is not certain."""
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            escaped = _ESCAPES.get(next(chars, ""))
            if escaped is None:
                return None
            out.append(escaped)
        else:
            out.append(char)
    return "".join(out)


def _proven_safe(finding: Finding, rule: Rule, result: Any) -> bool:
    """A taint rule's note where the data flow proved the sink gets only constant or sanitised
    values, or in code that never runs (a branch whose condition is a constant)."""
    if rule.mode != TAINT:
        return False
    at = (finding.location.start_line, finding.location.start_col)
    return (finding.rule_id, at) in result.safe or any(start <= at < end for start, end in result.dead)


def _dead(finding: Finding, rules: Mapping[str, Rule], dead: Sequence[tuple[int, int]]) -> bool:
    """A taint rule's note in a branch whose condition folds to a constant the other way
    (`if (DEBUG) {...}` with `const DEBUG = false`): that code never runs."""
    rule = rules.get(finding.rule_id)
    if rule is None or rule.mode != TAINT or finding.severity != Severity.NOTE:
        return False
    line = finding.location.start_line
    return any(first <= line <= last for first, last in dead)


def _proven_harmless(result: Any, finding: Finding) -> bool:
    """A taint rule's pattern-only note at a sink the data flow proved harmless."""
    where = (finding.location.start_line, finding.location.start_col)
    return finding.severity == Severity.NOTE and result.proves_safe(finding.rule_id, where)


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _owner(compiled: _Compiled, pattern: int) -> Rule:
    assert compiled.query is not None  # a pattern is the query's
    start = compiled.query.start_byte_for_pattern(pattern)
    return compiled.owners[bisect.bisect_right(compiled.starts, start) - 1]


def _finding(
    rule: Rule,
    captures: dict[str, list[Node]],
    language: str,
    path: str,
    seen: Counter[tuple[str, str]],
) -> Finding | None:
    if FINDING_CAPTURE not in captures or not all(_holds(c, captures, language) for c in rule.constraints):
        return None
    # A taint rule's pattern alone is a note: no untrusted source is known to reach it.
    template = rule.note_message or rule.message if rule.mode == TAINT else rule.message
    return _located(rule, captures[FINDING_CAPTURE][0], _message(template, captures), path, seen)


def _located(rule: Rule, node: Node, message: str, path: str, seen: Counter[tuple[str, str]]) -> Finding:
    snippet = " ".join(_text(node).split())
    severity = Severity.NOTE if rule.mode == TAINT else rule.severity
    # Identical snippets in one file are told apart by their order, never by their line.
    occurrence = seen[(rule.id, snippet)]
    seen[(rule.id, snippet)] += 1
    return Finding(
        rule_id=rule.id,
        severity=severity,
        confidence=rule.confidence if rule.mode != TAINT else "low",
        cwe=rule.cwe,
        message=message,
        location=Location(
            path=path,
            start_line=node.start_point[0] + 1,
            start_col=node.start_point[1] + 1,
            end_line=node.end_point[0] + 1,
            end_col=node.end_point[1] + 1,
        ),
        fingerprint=fingerprint(rule.id, path, snippet, str(occurrence)),
    )


_LOWER = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.NOTE, Severity.NOTE: Severity.NOTE}


def _sink_words(step: str, template: str) -> tuple[str, str]:
    """What a flow's message calls its sink, and the message template to put it in. The sink step
    of a call says `sink: name()`; a view's return value (`returned as the response`) and a write
    (`stored in name`) are no call, so the template's `{sink}()` loses its brackets."""
    if step.startswith("sink: "):
        return step.removeprefix("sink: ").removesuffix("()"), template
    name = step.removeprefix("stored in ") if step.startswith("stored in ") else "the response the view returns"
    return name, template.replace("{sink}()", "{sink}")


def _flow_finding(rule: Rule, hit: Any, path: str, seen: Counter[tuple[str, str]]) -> Finding:
    """A source reaching a sink: at the sink, with the path; environment and argv a level lower."""
    source, sink = hit.steps[0], hit.steps[-1]
    what = source.message.removeprefix("source: ")
    sink_name, template = _sink_words(sink.message, rule.message)
    message = _PLACEHOLDER.sub(
        lambda m: {"source": what, "sink": sink_name, "line": str(source.line)}.get(m.group(1), m.group(0)),
        template,
    )
    key = (rule.id, f"flow:{hit.start}")
    occurrence = seen[key]
    seen[key] += 1
    return Finding(
        rule_id=rule.id,
        severity=rule.severity if hit.origin == "remote" else _LOWER[rule.severity],
        confidence=rule.confidence,
        cwe=rule.cwe,
        message=f"{message} (from {what}, line {source.line}{'' if source.path in (None, path) else ' of ' + source.path})",
        location=Location(path, hit.start[0], hit.start[1], hit.end[0], hit.end[1]),
        fingerprint=fingerprint(rule.id, path, str(occurrence), sink_name),
        properties=(("source_kind", hit.origin),),
        steps=tuple(FlowStep(s.path or path, s.line, s.column, s.message) for s in hit.steps),
    )


def _holds(constraint: Constraint, captures: dict[str, list[Node]], language: str) -> bool:
    nodes = captures.get(constraint.capture)
    if not nodes:
        # An optional capture that did not match: only "is not a literal" can hold for nothing.
        return constraint.string_literal is False and _only_literal_test(constraint)
    node = nodes[0]
    text = _text(node)
    if constraint.code_only and (constraint.matches is not None or constraint.not_matches is not None):
        code = parser.code_text(node, language)
        if constraint.matches is not None and not constraint.matches.search(code):
            return False
        if constraint.not_matches is not None and constraint.not_matches.search(code):
            return False
        constraint = replace(constraint, matches=None, not_matches=None)
    if constraint.equals is not None and text not in constraint.equals:
        return False
    if constraint.not_equals is not None and text in constraint.not_equals:
        return False
    if constraint.matches is not None and not constraint.matches.search(text):
        return False
    if constraint.not_matches is not None and constraint.not_matches.search(text):
        return False
    if constraint.string_literal is not None and parser.is_string_literal(node, language) != constraint.string_literal:
        return False
    return True


def _only_literal_test(constraint: Constraint) -> bool:
    return all(
        value is None
        for value in (constraint.equals, constraint.not_equals, constraint.matches, constraint.not_matches)
    )


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _message(template: str, captures: dict[str, list[Node]]) -> str:
    def fill(match: re.Match[str]) -> str:
        nodes = captures.get(match.group(1))
        if not nodes:
            return match.group(0)
        text = " ".join(_text(nodes[0]).split())
        return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 1] + "…"

    return _PLACEHOLDER.sub(fill, template)


def _call_captures(call: Node, args: call_rules.Arguments) -> dict[str, list[Node]]:
    """A matched call as captures a rule's `fix` can name (registry.CALL_CAPTURES)."""
    captures: dict[str, list[Node]] = {"finding": [call]}
    for name, field_name in (("fn", "function"), ("args", "arguments")):
        node = call.child_by_field_name(field_name)
        if node is not None:
            captures[name] = [node]
    captures.update((f"arg{index}", [node]) for index, node in enumerate(args.positional))
    return captures


def _call_message(template: str, call: Node, qualified: str, args: call_rules.Arguments) -> str:
    """A `calls` rule's message: {callee} the qualified name, {fn} the callee as written, {args}
    the argument list, {arg0}, {arg1}... the positional arguments."""
    holder = call.child_by_field_name("arguments")
    values: dict[str, str] = {"callee": qualified, "args": _text(holder) if holder is not None else ""}
    end = holder.start_byte if holder is not None else call.end_byte
    values["fn"] = (call.text or b"")[: end - call.start_byte].decode("utf-8", "replace").strip()
    values.update((f"arg{index}", _text(node)) for index, node in enumerate(args.positional))
    if values["callee"] == values["fn"]:  # written as resolved: "hashlib.md5 (hashlib.md5)" says it twice
        template = template.replace(" ({callee})", "")

    def fill(match: re.Match[str]) -> str:
        text = values.get(match.group(1))
        if text is None:
            return match.group(0)
        text = " ".join(text.split())
        return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 1] + "…"

    return _PLACEHOLDER.sub(fill, template)
