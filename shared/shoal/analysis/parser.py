"""The one place that talks to tree-sitter: languages, parsers and compiled queries.

Everything is cached per language id, because building a Language or compiling a Query costs
far more than parsing a typical file, and a worker analyses thousands of files.
"""

from __future__ import annotations

import bisect
import importlib
import math
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any

import re2
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

from shoal.analysis import querytext

# Language id -> (grammar wheel module, function returning the grammar pointer).
GRAMMARS: dict[str, tuple[str, str]] = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "java": ("tree_sitter_java", "language"),
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
    "php": ("tree_sitter_php", "language_php"),
}

# tsx shares the TypeScript query: the grammars differ only in JSX support.
_QUERY_FILES: dict[str, str] = {"tsx": "typescript"}


@cache
def get_language(language: str) -> Language:
    module_name, attr = GRAMMARS[language]
    module = importlib.import_module(module_name)
    return Language(getattr(module, attr)())


_per_thread = threading.local()


def get_parser(language: str) -> Parser:
    """One parser per language and thread: a tree-sitter Parser is not safe to share between
    threads (the local engine's in-process agents run on the durable runner's threads)."""
    parsers: dict[str, Parser] | None = getattr(_per_thread, "parsers", None)
    if parsers is None:
        parsers = _per_thread.parsers = {}
    parser = parsers.get(language)
    if parser is None:
        parser = parsers[language] = Parser(get_language(language))
    return parser


@cache
def query_source(language: str) -> str:
    name = _QUERY_FILES.get(language, language)
    return resources.files("shoal.analysis").joinpath("queries", f"{name}.scm").read_text("utf-8")


@cache
def get_query(language: str) -> Query:
    return Query(get_language(language), query_source(language))


@cache
def _error_query(language: str) -> Query:
    return Query(get_language(language), "(ERROR) @error (MISSING) @missing")


def parse(source: bytes, language: str) -> Tree:
    return get_parser(language).parse(source)


class ParseBudgetExceeded(ValueError):
    """A parse ran past its time budget and was cancelled."""


MB = 1024 * 1024
_READ_CHUNK = 64 * 1024


def parse_budget_seconds(size: int, budget_ms_per_mb: int) -> float:
    """The time a file of `size` bytes may take to parse: the budget per started MB."""
    return budget_ms_per_mb / 1000 * max(1, math.ceil(size / MB))


def parse_within(source: bytes, language: str, budget_seconds: float, *, text: bool = True) -> Tree:
    """Parse, cancelling past `budget_seconds` (ParseBudgetExceeded). tree-sitter reports progress
    every few hundred bytes of input, so a tiny file always finishes; a pathological one stops.

    tree-sitter can only be cancelled while it reads through a callback, and the tree keeps that
    callback as its source. With `text`, the tree is reparsed against the bytes so that node.text
    and the queries' text predicates slice them; without it (metrics, which slice the bytes
    themselves), that reparse, a tenth of every parse's time, is saved."""
    parser = get_parser(language)
    deadline = time.monotonic() + budget_seconds

    def read(offset: int, _point: object) -> bytes:
        return source[offset : offset + _READ_CHUNK]

    def cancel(_offset: int, _has_error: bool) -> bool:
        return time.monotonic() > deadline

    try:
        draft = parser.parse(read, progress_callback=cancel)
    except ValueError:  # "Parsing failed": the callback cancelled it
        parser.reset()  # else the next parse would resume this one
        if time.monotonic() <= deadline:
            raise
        raise ParseBudgetExceeded(
            f"parse exceeded its time budget of {budget_seconds * 1000:g} ms ({len(source)} bytes)"
        ) from None
    if not text:
        return draft
    # A tree parsed from a callback reads node text through it (8x slower queries, measured);
    # reparsing against the bytes with the draft as the old tree reuses every node.
    return parser.parse(source, draft)


def captures(language: str, node: Node) -> dict[str, list[Node]]:
    """All captures of the language's metrics query under `node`, by capture name."""
    return QueryCursor(get_query(language)).captures(node)


def count_errors(tree: Tree, language: str) -> int:
    """ERROR and MISSING nodes; free when the tree is clean, which is the common case."""
    root = tree.root_node
    if not root.has_error:
        return 0
    found = QueryCursor(_error_query(language)).captures(root)
    return sum(len(nodes) for nodes in found.values())


class RegexQuery:
    """A Query whose regex predicates (#match? and kin) were taken out of its text, to be checked
    by `matches` with RE2. Everything else is the Query's (its byte offsets are the text's)."""

    __slots__ = ("query", "regexes", "start_byte_for_pattern")

    def __init__(self, query: Query, regexes: dict[int, tuple[querytext.RegexPredicate, ...]]) -> None:
        self.query = query
        self.regexes = regexes  # by pattern index
        self.start_byte_for_pattern = query.start_byte_for_pattern  # per match: no __getattr__

    def __getattr__(self, name: str) -> Any:
        return getattr(self.query, name)


def compile_query(language: str, source: str) -> Query:
    """A query for `language`; raises tree_sitter.QueryError with the row and column at fault, or
    querytext.QueryTextError (a regex RE2 cannot compile, nesting too deep). A query with regex
    predicates comes as a RegexQuery: use it through `matches`, never a QueryCursor of your own."""
    text, regexes = querytext.prepare(source)
    query = Query(get_language(language), text)
    if not regexes:
        return query
    # Each predicate is inside its pattern's parentheses (prepare refuses one outside any).
    starts = [query.start_byte_for_pattern(pattern) for pattern in range(query.pattern_count)]
    by_pattern: dict[int, list[querytext.RegexPredicate]] = {}
    for predicate in regexes:
        by_pattern.setdefault(bisect.bisect_right(starts, predicate.offset) - 1, []).append(predicate)
    return RegexQuery(query, {pattern: tuple(found) for pattern, found in by_pattern.items()})  # type: ignore[return-value]


Match = tuple[int, dict[str, list[Node]]]


def matches(query: Query, node: Node, ranges: Sequence[tuple[int, int]] | None = None) -> list[Match]:
    """(pattern index, captures by name) for each match; text predicates (#eq?...) already
    applied, regex predicates (#match?...) with RE2 here. With `ranges` (sorted, disjoint byte
    ranges), only the matches that overlap one of them: tree-sitter then walks only the nodes
    that overlap one, not the whole tree."""
    if not isinstance(query, RegexQuery):
        return _cursor_matches(query, node, ranges)
    regexes = query.regexes
    found = []
    for match in _cursor_matches(query.query, node, ranges):
        predicates = regexes.get(match[0])
        if predicates is None or _regexes_hold(predicates, match[1]):
            found.append(match)
    return found


def split_matches(query: Query, node: Node, first: int) -> tuple[dict[str, list[Node]], list[Match]]:
    """One pass of `query` under `node`: the captures of its patterns below `first`, by name
    for the whole pass (as `captures` gives them), and the matches of the others (as `matches`).
    Made for the metrics query in front of the rules' in the combined query: its patterns have
    no regex predicate, so its matches (Django: 159,000) cost one step each."""
    merged: dict[str, list[Node]] = {}
    rest: list[Match] = []
    regexes: dict[int, tuple[querytext.RegexPredicate, ...]] = query.regexes if isinstance(query, RegexQuery) else {}
    # Should a merged pattern have regex predicates after all, every match is checked first.
    checked = any(pattern < first for pattern in regexes)
    found = matches(query, node) if checked else QueryCursor(getattr(query, "query", query)).matches(node)
    for match in found:
        if match[0] < first:
            for name, nodes in match[1].items():
                so_far = merged.get(name)
                if so_far is None:
                    merged[name] = nodes  # the match's own list: nothing else holds it
                else:
                    so_far.extend(nodes)
        else:
            rest.append(match)
    if regexes and not checked:
        rest = [match for match in rest if _regexes_hold(regexes.get(match[0], ()), match[1])]
    return merged, rest


def _regexes_hold(predicates: Sequence[querytext.RegexPredicate], captures: dict[str, list[Node]]) -> bool:
    """Whether a match's captures pass its pattern's regex predicates, as py-tree-sitter checks
    #match? (every node of the capture must match, true for none; any-: the first node that
    does decides; not-: the opposite). Short texts are looked up, not searched again (found)."""
    for predicate in predicates:
        result = True
        for captured in captures.get(predicate.capture, ()):
            text = captured.text or b""
            hit = predicate.seen.get(text)
            result = (predicate.found(text) if hit is None else hit) is predicate.positive
            if result is predicate.any_node:
                break
        if not result:
            return False
    return True


def _private_span_search() -> Any:
    """google-re2's private `_regexp.Match(anchor, text, pos, endpos)`, which returns the spans of
    the next match without building a Match object (3x faster than `finditer` on Django's ranges),
    or None when the installed re2 no longer has it in that shape: `ranges_of` then takes the public
    `finditer`, slower but the same ranges (tests/unit/test_re2_private.py checks both)."""
    anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
    probe = re2.compile(rb"b+")
    search = getattr(getattr(probe, "_regexp", None), "Match", None)
    if anchor is None or search is None:
        return None
    try:
        if tuple(search(anchor, b"abbc", 0, 4)[0]) != (1, 3):
            return None
    except (TypeError, IndexError, ValueError):
        return None
    return anchor


_UNANCHORED = _private_span_search()

# Places closer than this are walked as one range: each range costs a walk down to it.
RANGE_GAP = 512


def merge_ranges(places: Iterable[tuple[int, int]], gap: int = RANGE_GAP) -> list[tuple[int, int]]:
    """Byte ranges sorted and joined where they overlap or lie within `gap` of each other."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(places):
        if merged and start - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def ranges_of(regex: Any, source: bytes, gap: int = RANGE_GAP) -> list[tuple[int, int]]:
    """Where an RE2 `regex` (querytext.compile_regex) matches in `source`, as ranges for
    `matches`. A node whose text holds a match overlaps one of them: of the matches a scan from
    left to right finds, the last that starts at or before the node's own comes after any that
    ended before the node."""
    return merge_ranges(_spans(regex, source), gap)


def _spans(regex: Any, source: bytes, private: bool = True) -> Iterator[tuple[int, int]]:
    """The spans of `regex`'s matches in `source`, left to right, as finditer finds them."""
    if _UNANCHORED is None or not private:
        for match in regex.finditer(source):
            yield match.span()
        return
    search = regex._regexp.Match  # checked by _private_span_search
    pos, end = 0, len(source)
    while pos <= end:
        start, stop = search(_UNANCHORED, source, pos, end)[0]
        if start < 0:
            return
        yield start, stop
        pos = stop if stop > start else stop + 1


def _cursor_matches(query: Query, node: Node, ranges: Sequence[tuple[int, int]] | None) -> list[Match]:
    if ranges is None:
        return QueryCursor(query).matches(node)
    found: list[Match] = []
    seen: set[tuple[Any, ...]] = set()
    for start, end in ranges:
        cursor = QueryCursor(query)
        cursor.set_byte_range(start, end)
        for match in cursor.matches(node):
            # A match that overlaps two ranges comes from both: kept once, where it came first.
            key = (match[0], *((name, *(n.id for n in nodes)) for name, nodes in match[1].items()))
            if key not in seen:
                seen.add(key)
                found.append(match)
    return found


# String-literal node types per language, and the child types that make one non-constant.
_STRING_TYPES: dict[str, frozenset[str]] = {
    "python": frozenset({"string", "concatenated_string"}),
    "javascript": frozenset({"string", "template_string"}),
    "typescript": frozenset({"string", "template_string"}),
    "tsx": frozenset({"string", "template_string"}),
    "java": frozenset({"string_literal", "text_block"}),
    "go": frozenset({"interpreted_string_literal", "raw_string_literal"}),
    "rust": frozenset({"string_literal", "raw_string_literal"}),
    "c": frozenset({"string_literal", "raw_string_literal", "concatenated_string"}),
    "cpp": frozenset({"string_literal", "raw_string_literal", "concatenated_string"}),
    "ruby": frozenset({"string"}),
    "php": frozenset({"string", "encapsed_string"}),
}
_INTERPOLATIONS = frozenset({
    "interpolation", "template_substitution", "variable_name", "simple_variable",
    "dynamic_variable_name", "member_access_expression", "subscript_expression",
})


def is_string_literal(node: Node, language: str) -> bool:
    """A string whose value is fixed in the source: no interpolation, no variables inside."""
    if node.type not in _STRING_TYPES.get(language, ()):
        return False
    stack = list(node.named_children)
    while stack:
        child = stack.pop()
        if child.type in _INTERPOLATIONS:
            return False
        stack.extend(child.named_children)
    return True


# What code_text blanks: comments, and the literal text inside strings (not their interpolations).
_COMMENTS = frozenset({"comment", "line_comment", "block_comment"})
_STRING_TEXT = frozenset({
    "string_content", "string_fragment", "escape_sequence", "interpreted_string_literal_content",
    "raw_string_literal_content", "multiline_string_fragment", "text_block",
})


def code_text(node: Node, language: str) -> str:
    """`node`'s source with comments and the text of string literals inside it replaced by
    spaces (quotes and interpolations kept), so a regex over it sees code only: an error message
    that mentions getQueryString( is not a call of it."""
    text = bytearray(node.text or b"")
    base = node.start_byte
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type in _COMMENTS or child.type in _STRING_TEXT:
            text[child.start_byte - base : child.end_byte - base] = b" " * (child.end_byte - child.start_byte)
        elif child.type in _STRING_TYPES.get(language, ()) and not child.named_children:
            inner = slice(child.start_byte - base + 1, child.end_byte - base - 1)  # a string without parts
            text[inner] = b" " * len(text[inner])
        else:
            stack.extend(child.children)
    return text.decode("utf-8", "replace")
