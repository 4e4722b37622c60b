"""What a name in a source file refers to: imports, aliases and the stated types of variables,
so that rules can say `hashlib.md5` or `java.lang.Runtime.exec` instead of every spelling.

`resolve(language, tree, source)` gives a file's NameTable; `NameTable.qualify(node)` the dotted
qualified name an expression refers to; `NamePattern` matches such names with `*` standing for
one or more whole segments.

Conventions of qualified names, the same in every language:
- A variable or parameter stands for its type where the code states it (`Runtime r` ->
  `java.lang.Runtime`), or, where it is assigned a call or a `new X()`, for that call's type.
- The type of a call is the callee's qualified name (`x = hashlib.md5()`: x is `hashlib.md5`, so
  `x.update` is `hashlib.md5.update`), unless the language module knows the factory's return type
  (`Runtime.getRuntime()` is a `java.lang.Runtime`).
- A root name that resolves to nothing stays as written (`db.execute` for an unknown `db`); a
  receiver with no name at all (a literal, an item of an unnamed container) is the segment `?`
  (`?.join`), which `*` matches. In Python an item of a named container stands for the
  container's `__getitem__` (`request.files["f"].save` is `flask.request.files.__getitem__.save`).
- Relative Python imports are resolved against the file's path where `resolve` is given one
  (`pkg/sub/mod.py`: `from . import x` -> `pkg.sub.x`), else kept as written (`.x`).

Collection is one tree-sitter query per language (no Python walk over every node) and values are
typed lazily, on first lookup. Python's top-level definitions are collected on the first lookup
inside each (a file's lookups fall in a few of them). Nothing here raises on odd code: what cannot
be resolved stays as written.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Protocol

from tree_sitter import Node, Query, QueryCursor, Tree

from shoal.analysis import parser

__all__ = [
    "UNNAMED",
    "FileNames",
    "Member",
    "NamePattern",
    "NamePatternError",
    "NameTable",
    "last_segments",
    "resolve",
    "supported",
]

UNNAMED = "?"  # the segment that stands for a receiver without a name


@dataclass(frozen=True)
class Member:
    """A binding to a member of a value, typed on first lookup: `const {exec} = require('cp')`."""

    value: Node
    name: str


# A binding is already qualified (an import), an expression typed on first lookup, or a member.
Binding = str | Node | Member
_MODULES = {
    "python": "python",
    "java": "java",
    "javascript": "javascript",
    "typescript": "javascript",
    "tsx": "javascript",
    "go": "go",
    "php": "php",
    "ruby": "ruby",
}


class LanguageNames(Protocol):
    """What each language module provides (see python.py for the shape)."""

    SCOPES: frozenset[str]
    COLLECT: str | dict[str, str]

    def collect(self, table: NameTable, captures: dict[str, list[Node]]) -> None: ...

    def qualify(self, table: NameTable, node: Node) -> str | None: ...

    def value_type(self, table: NameTable, node: Node) -> str | None: ...


def supported(language: str) -> bool:
    return language in _MODULES


@cache
def _module(language: str) -> ModuleType:
    return importlib.import_module(f"shoal.analysis.names.{_MODULES[language]}")


@cache
def _collect_query(language: str) -> Query:
    collect = _module(language).COLLECT  # one query, or one per language of the module
    return parser.compile_query(language, collect if isinstance(collect, str) else collect[language])


def _key(node: Node) -> tuple[int, int, int]:
    return (node.start_byte, node.end_byte, node.kind_id)


@dataclass
class NameTable:
    """The names of one file: bindings per scope (the scope node's span), typed lazily."""

    language: str
    source: bytes
    path: str | None = None
    scopes: dict[tuple[int, int, int], dict[str, list[Binding]]] = field(default_factory=dict)
    # Java wildcard imports, Go/PHP/Ruby package names...: what a language module keeps besides.
    extra: dict[str, list[str]] = field(default_factory=dict)
    # Values assigned to names, per scope (for constants: `alg = "MD5"; getInstance(alg)`).
    values: dict[tuple[int, int, int], dict[str, list[Node]]] = field(default_factory=dict)
    _typed: dict[tuple[int, int, int], str | None] = field(default_factory=dict, repr=False)
    _busy: set[tuple[int, int, int]] = field(default_factory=set, repr=False)
    # Calls of a plain name in the file, by that name, with the root of the tree they are in
    # (shoal.rules.calls builds it on first use).
    calls_by_name: tuple[Node, dict[str, list[Node]]] | None = field(default=None, repr=False)
    # The scopes that bind / assign each name: a name no scope binds needs no walk up the tree
    # (each `.parent` is a C call that builds a Node), and one only the root binds needs none.
    _binders: dict[str, set[tuple[int, int, int]]] = field(default_factory=dict, repr=False)
    _assigned: set[str] = field(default_factory=set, repr=False)
    # Top-level definitions not collected yet, by start byte (collect_by_region), and the query.
    _pending: dict[int, Node] = field(default_factory=dict, repr=False)
    _pending_starts: list[int] = field(default_factory=list, repr=False)
    _query: Query | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._names: LanguageNames = _module(self.language)  # once, not per step of every walk
        self._scope_types = self._names.SCOPES
        # The root of the tree the table is resolved from (`rooted` sets it), and its key.
        self._root: Node | None = None
        self._root_key: tuple[int, int, int] | None = None

    def rooted(self, root: Node) -> None:
        """Say which tree's nodes the table is asked about (lookups of names only its root
        binds then skip the walk up to it)."""
        self._root, self._root_key = root, _key(root)

    @property
    def names(self) -> LanguageNames:
        return self._names

    def collect_by_region(self, query: Query, regions: frozenset[str]) -> None:
        """Collect the module's own statements now, and each top-level child of a type in
        `regions` (a def, a class) when a name inside it is first looked up: a file's lookups
        fall in a few of its functions, and its other functions' names cannot be seen from there
        (every scope a lookup walks through is inside its top-level definition, or the module).
        Each scope's bindings come in the order one query over the file would give them."""
        assert self._root is not None
        runs: list[tuple[int, int]] = []  # byte spans of consecutive module statements
        in_run = False
        for child in self._root.named_children:
            if child.type in regions:
                self._pending[child.start_byte] = child
                in_run = False
            elif in_run:
                runs[-1] = (runs[-1][0], child.end_byte)
            else:
                runs.append((child.start_byte, child.end_byte))
                in_run = True
        self._pending_starts = sorted(self._pending)
        self._query = query
        merged: dict[str, list[Node]] = {}
        for start, end in runs:
            cursor = QueryCursor(query)
            cursor.set_byte_range(start, end)
            for name, nodes in cursor.captures(self._root).items():
                merged.setdefault(name, []).extend(nodes)
        self._names.collect(self, merged)

    def collect_at(self, offsets: Iterable[int]) -> None:
        """Collect the pending top-level definitions the byte `offsets` fall in."""
        for at in offsets:
            index = bisect.bisect_right(self._pending_starts, at) - 1
            region = self._pending.get(self._pending_starts[index]) if index >= 0 else None
            if region is not None and at < region.end_byte:
                del self._pending[region.start_byte]
                assert self._query is not None
                self._names.collect(self, QueryCursor(self._query).captures(region))

    def complete(self) -> None:
        """Collect every pending definition: for a reader of every scope's bindings."""
        self.collect_at(list(self._pending))

    def bind(self, scope: Node, name: str, value: Binding) -> None:
        """Bind `name` in `scope` to a qualified name or to an expression whose type it has."""
        key = _key(scope)
        table = self.scopes.get(key)
        if table is None:
            table = self.scopes[key] = {}
        bound = table.get(name)
        if bound is None:  # the first binding of `name` in this scope
            table[name] = [value]
            binders = self._binders.get(name)
            if binders is None:
                self._binders[name] = {key}
            else:
                binders.add(key)
        else:
            bound.append(value)

    def assign(self, scope: Node, name: str, value: Node) -> None:
        """Record that `name` is assigned `value` in `scope` (flow-insensitive: every one)."""
        key = _key(scope)
        table = self.values.get(key)
        if table is None:
            table = self.values[key] = {}
        assigned = table.get(name)
        if assigned is None:
            table[name] = [value]
            self._assigned.add(name)
        else:
            assigned.append(value)

    def assigned(self, name: str, node: Node) -> list[Node]:
        """The values assigned to `name` in the innermost scope around `node` that assigns it."""
        if self._pending:
            self.collect_at((node.start_byte,))
        if name not in self._assigned:
            return []
        scopes, values = self._scope_types, self.values
        current: Node | None = node
        while current is not None:
            parent = current.parent
            if parent is None or current.type in scopes:
                found = values.get(_key(current), {}).get(name)
                if found:
                    return found
            current = parent
        return []

    def scope_of(self, node: Node) -> Node:
        """The innermost scope node around `node` (the root if none)."""
        scopes = self._scope_types
        current = node.parent
        if current is None:
            return node
        while True:
            if current.type in scopes:
                return current
            parent = current.parent
            if parent is None:
                return current
            current = parent

    def lookup(self, name: str, node: Node, skip: frozenset[str] = frozenset()) -> str | None:
        """What `name`, used at `node`, is bound to in the innermost scope that binds it; scope
        types in `skip` are passed over (Python's class bodies, for instance)."""
        if self._pending:
            self.collect_at((node.start_byte,))
        binders = self._binders.get(name)
        if not binders:
            return None
        if self._root is not None and len(binders) == 1 and self._root_key in binders:
            # Only the root binds it: every walk from a node of this tree ends there.
            if self._root.type in skip:
                return None
            return self._first_typed(self.scopes[self._root_key][name])
        scopes, tables = self._scope_types, self.scopes
        current: Node | None = node
        while current is not None:
            parent = current.parent
            kind = current.type
            if parent is None or kind in scopes:
                bound = tables.get(_key(current), {}).get(name)
                if bound and kind not in skip:
                    found = self._first_typed(bound)
                    if found is not None:
                        return found
            current = parent
        return None

    def _first_typed(self, bindings: list[Binding]) -> str | None:
        # Flow-insensitive: the first binding that has a type (`r = None; r = Runtime...`).
        for binding in bindings:
            if isinstance(binding, str):
                return binding
            if isinstance(binding, Member):
                owner = self.type_of(binding.value)
                found = f"{owner}.{binding.name}" if owner is not None else None
            else:
                found = self.type_of(binding)
            if found is not None:
                return found
        return None

    def type_of(self, value: Node) -> str | None:
        """The qualified type of an expression's value, computed once; None while it is being
        computed (a name bound in terms of itself, `x = x.copy()`)."""
        key = _key(value)
        if key in self._typed:
            return self._typed[key]
        if key in self._busy:
            return None
        self._busy.add(key)
        try:
            found = self.names.value_type(self, value)
        except RecursionError:
            found = None
        finally:
            self._busy.discard(key)
        self._typed[key] = found
        return found

    def qualify(self, node: Node) -> str | None:
        """The dotted qualified name `node` refers to; for a call, its callee's. None for an
        expression with no name (a literal, a lambda)."""
        try:
            return self.names.qualify(self, node)
        except RecursionError:
            return None

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def resolve(language: str, tree: Tree, source: bytes, path: str | None = None) -> NameTable:
    """The NameTable of one file. `path` (relative to the repository or the source root) lets
    relative imports be resolved. ValueError for a language `supported` says no to."""
    if language not in _MODULES:
        raise ValueError(f"no name resolution for {language}: known are {', '.join(sorted(_MODULES))}")
    table = NameTable(language, source, path)
    table.rooted(tree.root_node)
    regions = getattr(_module(language), "REGIONS", None)
    if regions:
        table.collect_by_region(_collect_query(language), regions)
    else:
        _module(language).collect(table, QueryCursor(_collect_query(language)).captures(tree.root_node))
    return table


class FileNames:
    """One file's NameTable, built at its first use and then shared: the calls rules and taint
    both qualify names in the same tree, and resolving them is a query pass plus typing."""

    __slots__ = ("_table", "language", "path", "source", "tree")

    def __init__(self, language: str, tree: Tree, source: bytes, path: str | None = None) -> None:
        self.language, self.tree, self.source, self.path = language, tree, source, path
        self._table: NameTable | None = None

    def table(self) -> NameTable:
        if self._table is None:
            self._table = resolve(self.language, self.tree, self.source, self.path)
        return self._table


def join(base: str | None, name: str) -> str:
    """`base.name`, with `?` for a base that has no name."""
    return f"{base if base is not None else UNNAMED}.{name}"


# --------------------------------------------------------------------------- patterns


class NamePatternError(ValueError):
    """A name pattern that cannot be read; the message says why."""


# A segment is a name as languages and module specifiers spell it (`js-yaml`, `@scope/pkg`, Go's
# `crypto/md5`, PHP's `$x`), `*`, or `?` (a receiver without a name).
_SEGMENT = re.compile(r"^(\*|\?|[^.*?\s()\[\]{},;'\"]+)$")


@dataclass(frozen=True)
class NamePattern:
    """A dotted glob over name segments: `*` matches one or more whole segments, anything else
    one segment exactly (`hashlib.md5`, `*.execute`, `java.lang.Runtime.exec`)."""

    text: str
    _regex: re.Pattern[str] = field(compare=False, repr=False)

    @classmethod
    def compile(cls, text: str) -> NamePattern:
        if not isinstance(text, str) or not text.strip():
            raise NamePatternError("a name pattern must be a non-empty dotted name such as hashlib.md5")
        segments = text.strip().split(".")
        for segment in segments:
            if not _SEGMENT.match(segment):
                raise NamePatternError(
                    f"{text!r}: segment {segment!r} is not a name or '*' (write dotted names such as "
                    "hashlib.md5 or *.execute; '*' stands for one or more whole segments)"
                )
        if all(segment == "*" for segment in segments):
            raise NamePatternError(f"{text!r}: a pattern of '*' only would match every name")
        parts = [r"[^.]+(?:\.[^.]+)*" if s == "*" else re.escape(s) for s in segments]
        return cls(text.strip(), re.compile(r"\.".join(parts)))

    def matches(self, qualified: str | None) -> bool:
        return qualified is not None and self._regex.fullmatch(qualified) is not None

    @property
    def last(self) -> str | None:
        """The last segment every match ends with; None when it is `*`."""
        segment = self.text.rsplit(".", 1)[-1]
        return None if segment == "*" else segment


def last_segments(patterns: Iterable[NamePattern]) -> frozenset[str] | None:
    """The last segments names matching `patterns` end with: a file whose bytes hold none of
    them, or a call whose callee's last identifier is none of them, cannot match. None when some
    pattern ends in `*` (nothing can be ruled out)."""
    found: set[str] = set()
    for pattern in patterns:
        if pattern.last is None:
            return None
        found.add(pattern.last)
    return frozenset(found)
