"""Regex predicates of tree-sitter queries, run with RE2: py-tree-sitter would run them with
Python's backtracking `re` (`^["'](a+)+$` on 40 characters never ends)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import re2

# py-tree-sitter evaluates these itself, with `re`; they are taken out of the query text (blanked,
# so every byte offset stays) and checked per match by parser.matches with RE2.
REGEX_PREDICATES = ("match?", "not-match?", "any-match?", "any-not-match?")
MAX_DEPTH = 64  # nesting of ( and [: tree-sitter parses queries recursively and crashes past ~80,000
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}  # tree-sitter's; any other escaped char is itself
_EXCERPT = 60
_MEMO_TEXT, _MEMO_ENTRIES = 64, 2048  # per predicate: at most ~250 kB


class QueryTextError(ValueError):
    """A query that Shoal refuses before tree-sitter sees it; says where (row and column from 0)."""


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # RE2 would print each refused regex to stderr
    return options


_OPTIONS = _options()


@lru_cache(maxsize=4096)
def compile_regex(pattern: str) -> Any:
    """An RE2 regex, linear time whatever the text; re2.error (message as text) if RE2 cannot read it."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        raise re2.error(reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)) from None


@lru_cache(maxsize=4096)
def _matcher(pattern: str) -> Any:
    """An RE2 set of the one regex: the cheapest "does it match anywhere" test on bytes."""
    matcher = re2.Set.SearchSet(_OPTIONS)
    matcher.Add(pattern)
    matcher.Compile()
    return matcher


def search_bytes(pattern: str) -> Any:
    """bytes -> truthy when `pattern` matches somewhere in them (re2.error if RE2 cannot read it)."""
    matcher = _matcher(pattern)
    # The wrapper's Match only re-encodes str: bytes go straight to RE2::Set (pinned google-re2).
    return getattr(matcher, "_set", matcher).Match


def excerpt(text: str, limit: int = _EXCERPT) -> str:
    """`text` quoted, cut to `limit` characters: error messages never carry a whole document."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class RegexPredicate:
    """One regex predicate of a query, checked as py-tree-sitter checks #match? and its kin:
    every node of the capture must match (true for none); any-: one node is enough; not-: none."""

    __slots__ = ("any_node", "capture", "name", "offset", "positive", "regex", "search", "seen")

    def __init__(self, name: str, capture: str, regex: str, offset: int) -> None:
        self.name = name  # as written, e.g. "not-match?"
        self.capture = capture
        self.regex = regex
        self.offset = offset  # byte offset of its "(" in the query text
        self.positive = "not-" not in name
        self.any_node = name.startswith("any-")
        self.search = search_bytes(regex)
        self.seen: dict[bytes, bool] = {}

    def found(self, text: bytes) -> bool:
        """Whether the regex matches somewhere in `text`. Short texts (names, mostly) come back
        again and again: remembered, up to a bound, they cost a lookup instead of a call into RE2."""
        seen = self.seen.get(text)
        if seen is None:
            seen = bool(self.search(text))
            if len(text) <= _MEMO_TEXT and len(self.seen) < _MEMO_ENTRIES:
                self.seen[text] = seen
        return seen

    def __repr__(self) -> str:
        return f"({self.name} @{self.capture} {self.regex!r})"


def prepare(source: str) -> tuple[str, tuple[RegexPredicate, ...]]:
    """`source` with its regex predicates blanked out, and those predicates, each regex compiled
    by RE2 (refusing what it cannot read). Raises QueryTextError."""
    scanner = _Scanner(source)
    scanner.scan()
    return "".join(scanner.out), tuple(scanner.found)


class _Scanner:
    """Reads query text as tree-sitter does: strings with escapes, `;` comments, and predicates
    `(#name? args)` (or `(.name? ...)`) whose arguments are @captures, strings and bare symbols."""

    def __init__(self, source: str) -> None:
        self.text = source
        self.out: list[str] = []
        self.found: list[RegexPredicate] = []
        self.done = 0  # characters of text already in out
        self.bytes_done = 0  # their length in UTF-8

    def scan(self) -> None:
        text, i, depth = self.text, 0, 0
        while i < len(text):
            char = text[i]
            if char == '"':
                i = self._string(i)[1]
                continue
            if char == ";":
                i = self._line_end(i)
                continue
            if char in "([":
                depth += 1
                if depth > MAX_DEPTH:
                    raise QueryTextError(f"nests ( and [ deeper than {MAX_DEPTH} levels at {self._where(i)}")
                if char == "(":
                    start = self._space(i + 1)
                    if start < len(text) and text[start] in "#.":
                        i, closed = self._predicate(i, start, depth)
                        depth -= closed
                        continue
            elif char in ")]":
                depth -= 1
            i += 1
        self.out.append(text[self.done :])

    def _predicate(self, opening: int, start: int, depth: int) -> tuple[int, bool]:
        """Reads the predicate whose "(" is at `opening` and "#" at `start`: where to go on
        scanning, and whether its closing parenthesis was read (only a regex predicate's are)."""
        text = self.text
        end = start + 1
        while end < len(text) and (text[end].isalnum() or text[end] in "_-.?!"):
            end += 1
        name = text[start + 1 : end]
        if name not in REGEX_PREDICATES:
            return end, False
        args, close = self._arguments(end)
        if close is None:
            return end, False  # malformed: tree-sitter reports the syntax error
        if depth == 1:
            raise QueryTextError(
                f"(#{name} ...) at {self._where(opening)} is outside any pattern: "
                "keep predicates inside the pattern's parentheses"
            )
        if len(args) != 2 or args[0][0] != "capture" or args[1][0] != "string":
            raise QueryTextError(
                f"(#{name} ...) at {self._where(opening)} takes a capture and a regex, e.g. (#{name} @name \"^get_\")"
            )
        capture, regex = args[0][1], args[1][1]
        try:
            compile_regex(regex)
        except re2.error as exc:
            raise QueryTextError(
                f"(#{name} @{capture} ...) at {self._where(opening)}: RE2 cannot compile the regex "
                f"{excerpt(regex)}: {exc} (RE2 runs in linear time: no lookaround, no backreferences)"
            ) from None
        kept = text[self.done : opening]
        offset = self.bytes_done + len(kept.encode("utf-8"))
        removed = text[opening:close]
        # Same bytes, same lines: tree-sitter's offsets, rows and columns stay those of `source`.
        blank = "".join(c if c == "\n" else " " * len(c.encode("utf-8")) for c in removed)
        self.out += [kept, blank]
        self.bytes_done = offset + len(blank)
        self.done = close
        self.found.append(RegexPredicate(name, capture, regex, offset))
        return close, True

    def _arguments(self, i: int) -> tuple[list[tuple[str, str]], int | None]:
        """(kind, value) of each argument from `i` up to the closing parenthesis, and the index
        after it (None if the text is not a well-formed predicate)."""
        args: list[tuple[str, str]] = []
        text = self.text
        while True:
            i = self._space(i)
            if i >= len(text):
                return args, None
            char = text[i]
            if char == ")":
                return args, i + 1
            if char == '"':
                value, i = self._string(i)
                if value is None:
                    return args, None
                args.append(("string", value))
            elif char == "@" or char.isalnum() or char in "_-":
                end = i + 1
                while end < len(text) and (text[end].isalnum() or text[end] in "_-.?!"):
                    end += 1
                args.append(("capture", text[i + 1 : end]) if char == "@" else ("string", text[i:end]))
                i = end
            else:
                return args, None

    def _string(self, i: int) -> tuple[str | None, int]:
        """The value of the string literal opening at `i` and the index after it (None, and the
        end of the line, for one that does not close on its line)."""
        text = self.text
        value: list[str] = []
        i += 1
        while i < len(text) and text[i] != "\n":
            char = text[i]
            if char == '"':
                return "".join(value), i + 1
            if char == "\\" and i + 1 < len(text):
                value.append(_ESCAPES.get(text[i + 1], text[i + 1]))
                i += 2
                continue
            value.append(char)
            i += 1
        return None, i

    def _space(self, i: int) -> int:
        text = self.text
        while i < len(text):
            if text[i].isspace():
                i += 1
            elif text[i] == ";":
                i = self._line_end(i)
            else:
                break
        return i

    def _line_end(self, i: int) -> int:
        end = self.text.find("\n", i)
        return len(self.text) if end < 0 else end

    def _position(self, i: int) -> tuple[int, int]:
        row = self.text.count("\n", 0, i)
        return row, i - (self.text.rfind("\n", 0, i) + 1)

    def _where(self, i: int) -> str:
        row, column = self._position(i)
        return f"row {row}, column {column}"

