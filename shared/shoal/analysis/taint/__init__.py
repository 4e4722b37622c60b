"""Taint tracking: values from untrusted sources followed to dangerous sinks inside each function,
and through the functions of the same file by their summaries, with the path kept for reports.

`analyse` runs on a tree the agent already parsed. A file is looked at only when its bytes name a
sink (`Spec.may_apply`); its NameTable is built then, not before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from tree_sitter import Node, Query, QueryCursor, Tree

from shoal.analysis import names, parser
from shoal.analysis.taint.core import (
    ANY_RULE,
    STEP_BUDGET,
    FileAnalysis,
    Hit,
    Spec,
    Summary,
    confirmed,
    text,
    word_starts,
)
from shoal.analysis.taint.repository import Repository

__all__ = ["Hit", "Repository", "Spec", "Summary", "TaintResult", "analyse", "supported"]

# Language id -> adapter module; tsx and typescript share javascript's adapter.
_ADAPTERS = {"python": "python", "java": "java", "javascript": "javascript", "typescript": "javascript",
             "tsx": "javascript", "go": "go", "php": "php", "ruby": "ruby"}


def supported(language: str) -> bool:
    return language in _ADAPTERS


@cache
def _adapter(language: str) -> ModuleType:
    return importlib.import_module(f"shoal.analysis.taint.{_ADAPTERS[language]}")


@cache
def _units_query(language: str) -> Query:
    name = _ADAPTERS[language]
    source = resources.files("shoal.analysis.taint").joinpath("queries", f"{name}.scm").read_text("utf-8")
    return parser.compile_query(language, source)


@dataclass
class TaintResult:
    hits: list[Hit] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    # Sinks proven to get only constant or sanitised values, by (rule, (line, column)): their
    # rules' pattern notes there are dropped; and the (start, end) of code never run.
    safe: set[tuple[str, tuple[int, int]]] = field(default_factory=set)
    dead: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # (rule, line) of sink calls that only constants or sanitised values were seen to reach
    cleared: list[tuple[str, int]] = field(default_factory=list)
    dead_lines: list[tuple[int, int]] = field(default_factory=list)  # line ranges of branches that never run
    # Where data flow proves a rule's sink harmless: (rule, start) of sink calls reached only with
    # constant or sanitised arguments, and the spans of code a constant condition skips.
    safe_sites: frozenset[tuple[str, tuple[int, int]]] = frozenset()
    dead_spans: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()

    def proves_safe(self, rule_id: str, start: tuple[int, int]) -> bool:
        return (rule_id, start) in self.safe_sites or (ANY_RULE, start) in self.safe_sites or any(a <= start < b for a, b in self.dead_spans)


def analyse(
    language: str, tree: Tree, source: bytes, path: str, spec: Spec, budget: int = STEP_BUDGET,
    functions: list[Node] | None = None, notes: Sequence[tuple[int, int]] = (),
    file_names: names.FileNames | None = None, repository: Repository | None = None,
    noted_elsewhere: bool = False,
) -> TaintResult:
    """Every source-to-sink flow in one file, the diagnostics of functions left unanalysed and the
    summaries of functions whose parameters reach their return value or a sink. `functions`: the
    metrics query's function captures of the same tree, if at hand (saves a query pass); `notes`:
    where the taint rules' patterns matched, (line, column): the functions that may prove those
    safe are chosen as they always were (FileAnalysis._chosen); `file_names`: the file's
    NameTable as the calls rules may already have built it (built here on first use if not);
    `repository`: the scan's other files, whose functions calls out of this file are followed into;
    `noted_elsewhere`: a rule left a note in the file, which dead code or a constant assignment
    may drop (TaintResult.proves_safe): functions are then chosen by their text, as for `notes`."""
    if not supported(language):
        return TaintResult()
    adapter = _adapter(language)
    spelled = _spelled(adapter, spec)
    # Only an adapter whose units can receive a source's receiver (Java's typed parameters) asks
    # for that search (38 ms a pass over Django, where Python units can never use what it finds).
    receives = bool(repository) and bool(getattr(adapter, "RECEIVES", False))
    if not spec.may_apply(source, spelled, receives=receives):
        return TaintResult()
    qualify = _qualifier(file_names or names.FileNames(language, tree, source, path))
    functions = _functions(language, adapter, tree, functions)
    coded = word_starts(source, tree.root_node, spec.live_needles(source)) if source else None
    root = tree.root_node
    reads = getattr(adapter, "reads_source", None)
    if coded and reads is not None:
        # Only source words written where a source is read (`request.GET`, not `response.headers`):
        # a function with none reads no source itself (FileAnalysis._chosen keeps the functions a
        # note's proof needs by their text).
        spans = [(n.start_byte, n.end_byte) for n in functions]
        coded = confirmed(coded, spans, lambda at: bool(reads(root, at, qualify, spec)))
    # Where no note asks for the text-based choice (a proof of safety may drop one), a function's
    # callers are those whose calls the interpreter would follow into it, not every text `name(`.
    exact = not notes and not noted_elsewhere
    if coded == [] and not notes and not _may_take_sources(adapter, tree.root_node, functions, spec) \
            and not (receives and spec.receives(source)):
        # No function names a source in its code or takes one as a parameter, and no pattern
        # left a note to prove safe: FileAnalysis would choose nothing to analyse.
        return TaintResult()
    units = adapter.units(tree.root_node, functions, qualify, spec)
    file = FileAnalysis(path, spec, qualify, units, adapter.make, budget, source, spelled, tree.root_node, notes,
                        coded, getattr(adapter, "local_callee", None) if exact else None)
    if repository:
        follow_clean = bool(getattr(adapter, "FOLLOW_CLEAN_CALLS", False))
        file.external = lambda qualified, tainted: repository.summary(language, qualified, spec, tainted, follow_clean)
        file.follow_clean = follow_clean
    file.run()
    hits = sorted(file.hits.values(), key=lambda h: (h.start, h.rule_id))
    summaries = [
        s.to_dict() for s in file.summaries.values()
        if s is not None and s.name != "<module>" and (s.returns or s.sinks)
    ]
    return TaintResult(hits, sorted(file.diagnostics), summaries, file.proven_safe(), file.dead(),
                       file.cleared(), sorted(set(file.dead_lines)),
                       frozenset(site for site, ok in file.safe_sites.items() if ok), tuple(file.dead_spans))


def _functions(language: str, adapter: ModuleType, tree: Tree, functions: list[Node] | None) -> list[Node]:
    """The file's functions in order: the metrics query's captures if given, else the units query's."""
    if functions is None:
        functions = QueryCursor(_units_query(language)).captures(tree.root_node).get("function", [])
    return sorted((n for n in functions if n.type in adapter.FUNCTIONS), key=lambda n: n.start_byte)


def callee_analysis(language: str, tree: Tree, source: bytes, path: str, spec: Spec) -> Callable[[], FileAnalysis]:
    """A way to analyse the functions of another file of the scan as callees only (nothing of it
    is reported): each call gives a fresh FileAnalysis over the same parsed units."""
    adapter = _adapter(language)
    qualify = _qualifier(names.FileNames(language, tree, source, path))
    units = adapter.units(tree.root_node, _functions(language, adapter, tree, None), qualify, spec)
    return lambda: FileAnalysis(path, spec, qualify, units, adapter.make, STEP_BUDGET, source, (), tree.root_node)


def _may_take_sources(adapter: ModuleType, root: Node, functions: list[Node], spec: Spec) -> bool:
    """The adapter's cheap test that no function takes a source as a parameter (True, may,
    where it has none)."""
    test = getattr(adapter, "may_take_sources", None)
    return test is None or bool(test(root, functions, spec))


def _spelled(adapter: ModuleType, spec: Spec) -> tuple[bytes, ...]:
    """The other spellings of the sinks the adapter follows language constructs as: PHP's `<?=`
    is echo, Ruby's %x() is a backtick call; a file or function need not name them otherwise.
    Once per spec (a spec serves one language), kept on it: asked for every file of a scan."""
    found = spec.spelled
    if found is None:
        spellings: dict[str, tuple[bytes, ...]] = getattr(adapter, "SPELLINGS", {})
        lasts = {s.pattern.last for _, s in spec.sinks}
        found = spec.spelled = tuple(t for name, tokens in spellings.items() if name in lasts for t in tokens)
    return found


def _qualifier(file_names: names.FileNames) -> Callable[[Node], str | None]:
    """`qualify`, with the file's NameTable built on first use: many files analysed here never
    need a name resolved (no function of theirs names a source)."""
    if not names.supported(file_names.language):
        return _syntactic

    # Per node, as the table qualifies it: a function is interpreted again for each context it
    # is summarised in, and asks for the same calls' names each time.
    known: dict[int, str | None] = {}

    def qualify(node: Node) -> str | None:
        key = node.id
        if key not in known:
            known[key] = file_names.table().qualify(node)
        return known[key]

    return qualify


_MEMBER_TYPES = {"member_expression": ("object", "property"), "field_access": ("object", "field"),
                 "attribute": ("object", "attribute"), "selector_expression": ("operand", "field")}
_CALL_FIELDS = ("function", "name")


def _syntactic(node: Node) -> str | None:
    """The dotted name as written, for languages without name resolution yet."""
    kind = node.type
    if kind in ("identifier", "property_identifier", "type_identifier", "field_identifier", "this"):
        return text(node)
    if kind in _MEMBER_TYPES:
        object_field, member_field = _MEMBER_TYPES[kind]
        base = node.child_by_field_name(object_field)
        member = node.child_by_field_name(member_field)
        inner = _syntactic(base) if base is not None else None
        return f"{inner or names.UNNAMED}.{text(member)}"
    if kind in ("call_expression", "call", "method_invocation", "new_expression"):
        callee = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        if callee is not None:
            return _syntactic(callee)
    return None
