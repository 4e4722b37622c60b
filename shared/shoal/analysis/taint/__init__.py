"""Taint tracking: values from untrusted sources followed to dangerous sinks inside each function,
and through the functions of the same file by their summaries, with the path kept for reports.

`analyse` runs on a tree the agent already parsed. A file is looked at only when its bytes name a
sink (`Spec.may_apply`); its NameTable is built then, not before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from tree_sitter import Node, Query, QueryCursor, Tree

from shoal.analysis import names, parser
from shoal.analysis.taint.core import STEP_BUDGET, FileAnalysis, Hit, Spec, Summary, text

__all__ = ["Hit", "Spec", "Summary", "TaintResult", "analyse", "supported"]

# Language id -> adapter module; tsx and typescript share javascript's adapter.
_ADAPTERS = {"python": "python", "java": "java", "javascript": "javascript", "typescript": "javascript",
             "tsx": "javascript"}


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


def analyse(
    language: str, tree: Tree, source: bytes, path: str, spec: Spec, budget: int = STEP_BUDGET,
    functions: list[Node] | None = None,
) -> TaintResult:
    """Every source-to-sink flow in one file, the diagnostics of functions left unanalysed and the
    summaries of functions whose parameters reach their return value or a sink. `functions`: the
    metrics query's function captures of the same tree, if at hand (saves a query pass)."""
    if not supported(language) or not spec.may_apply(source):
        return TaintResult()
    adapter = _adapter(language)
    qualify = _qualifier(language, tree, source, path)
    if functions is None:
        functions = QueryCursor(_units_query(language)).captures(tree.root_node).get("function", [])
    functions = sorted((n for n in functions if n.type in adapter.FUNCTIONS), key=lambda n: n.start_byte)
    units = adapter.units(tree.root_node, functions, qualify, spec)
    file = FileAnalysis(path, spec, qualify, units, adapter.make, budget, source)
    file.run()
    hits = sorted(file.hits.values(), key=lambda h: (h.start, h.rule_id))
    summaries = [
        s.to_dict() for s in file.summaries.values()
        if s is not None and s.name != "<module>" and (s.returns or s.sinks)
    ]
    return TaintResult(hits, sorted(file.diagnostics), summaries)


def _qualifier(language: str, tree: Tree, source: bytes, path: str) -> Callable[[Node], str | None]:
    """`qualify`, with the file's NameTable built on first use: many files analysed here never
    need a name resolved (no function of theirs names a source)."""
    if not names.supported(language):
        return _syntactic
    table: list[names.NameTable] = []

    def qualify(node: Node) -> str | None:
        if not table:
            table.append(names.resolve(language, tree, source, path))
        return table[0].qualify(node)

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
