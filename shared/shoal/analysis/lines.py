"""Physical line counts the way cloc 2.x counts them.

cloc deletes comments (multi-line ones with their newlines, so the code before a block comment
and the code after it become one line) and then counts the non-blank lines that remain as code;
comment lines are whatever is neither blank nor code. We reproduce that with bytes operations,
which run in C, so counting costs little next to parsing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import accumulate

from shoal.models import LineCounts

# Whitespace as Perl's \s sees bytes; a line made only of these is blank to cloc.
_WHITESPACE = b" \t\r\n\f\v"
_INLINE_WHITESPACE = b" \t\r\f\v"

# cloc's Python filter, step by step (see Filters_by_Language{'Python'} in cloc):
# lines containing '/*' or '*/' anywhere, and lines starting with '#', are dropped outright...
# (Matched with the newline before the line, not after: a pattern that starts with a literal lets
# the regex engine skip ahead, where '^' makes it try every position; 2.6x faster on Django.)
_PY_HASH_LINE = re.compile(rb"\n[ \t\r\f\v]*#[^\n]*")
_PY_SLASH_STAR_LINE = re.compile(rb"^.*(?:/\*|\*/).*\n?", re.MULTILINE)
# ...then every triple quote (with a u/U prefix) toggles a "docstring" on or off, whatever the string context...
# (The u/U prefix is checked by hand: an optional first character would again make the engine
# try every position.)
_PY_TRIPLE_QUOTE = re.compile(rb"\"\"\"|'''")
# ...and the toggled regions are removed as C comments.
# (Non-greedy and linear: the nested-quantifier form backtracks exponentially on an unclosed '/*'.)
_C_COMMENT = re.compile(rb"/\*.*?\*/", re.DOTALL)


def total_lines(source: bytes) -> int:
    if not source:
        return 0
    return source.count(b"\n") + (0 if source.endswith(b"\n") else 1)


def blank_lines(source: bytes) -> int:
    return total_lines(source) - nonblank_lines(source)


def nonblank_lines(text: bytes) -> int:
    # Deleting whitespace first turns every blank line into an empty item, which list.count finds in C.
    items = text.translate(None, _INLINE_WHITESPACE).split(b"\n")
    return len(items) - items.count(b"")


def remove_spans(source: bytes, spans: Iterable[tuple[int, int]]) -> bytes:
    """`source` without the byte ranges in `spans`; overlapping or nested ranges are fine."""
    parts: list[bytes] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        if start > pos:
            parts.append(source[pos:start])
        pos = end
    parts.append(source[pos:])
    return b"".join(parts)


def blank_spans(source: bytes, spans: Iterable[tuple[int, int]]) -> bytes:
    """`source` with the spans replaced by spaces but their newlines kept, so lines stay put."""
    parts: list[bytes] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(source[pos:start])
        newlines = source.count(b"\n", start, end)
        parts.append(b"\n" * newlines)
        pos = end
    parts.append(source[pos:])
    return b"".join(parts)


def counts_without_comments(
    source: bytes, comment_spans: Sequence[tuple[int, int]], script: bool = False
) -> LineCounts:
    """cloc's counts for a file whose comments tree-sitter located."""
    total = total_lines(source)
    blank = blank_lines(source)
    code = nonblank_lines(remove_spans(source, comment_spans)) if comment_spans else total - blank
    if script and _shebang_lost(source, comment_spans):
        code += 1
    return LineCounts(code=code, comment=total - blank - code, blank=blank)


def _shebang_lost(source: bytes, comment_spans: Sequence[tuple[int, int]]) -> bool:
    # cloc counts a first '#!' line of a script language as code even though it is a comment.
    return source.startswith(b"#!") and any(start == 0 for start, _ in comment_spans)


def python_counts(source: bytes) -> LineCounts:
    """cloc's counts for Python, quirks included: they are plain text rules, not syntax."""
    total = total_lines(source)
    blank = blank_lines(source)
    kept = _PY_HASH_LINE.sub(b"", b"\n" + source)[1:] if b"#" in source else source
    if b"/*" in kept or b"*/" in kept:
        kept = _PY_SLASH_STAR_LINE.sub(b"", kept)
    if b'"""' in kept or b"'''" in kept:
        kept = _without_docstrings(kept)
    code = nonblank_lines(kept)
    if source.startswith(b"#!"):
        # The '#!' line was dropped as a comment, and cloc adds it back as code.
        code += 1
    return LineCounts(code=code, comment=total - blank - code, blank=blank)


def _without_docstrings(text: bytes) -> bytes:
    """What cloc keeps of a text with no '/*' or '*/' left: each triple quote in turn opens or
    closes a comment (with a u/U prefix when it opens), and the comments go with their newlines.

    In C, by splitting: the even parts of the split are outside, and a NUL marks where each
    comment stood so that a u/U before it can go too. The quotes are found by bytes.replace, not
    the regex: a run of either quote splits the same way (left to right, three at a time, and the
    two kinds never overlap), and a two-literal alternation makes `re` try every position (0.16 s
    -> 0.03 s on Django). A text that holds NUL or \\x01 itself is toggled the way cloc does it."""
    if b"\0" in text or b"\1" in text:
        return _C_COMMENT.sub(b"", _toggle_docstrings(text))
    parts = text.replace(b'"""', b"\1").replace(b"'''", b"\1").split(b"\1")
    # An odd number of triple quotes leaves the last comment open: cloc keeps it, as '/*' and text.
    unclosed = b"\0/*" + parts.pop() if len(parts) % 2 == 0 else b""
    kept = b"\0".join(parts[0::2]) + unclosed
    return kept.replace(b"u\0", b"").replace(b"U\0", b"").replace(b"\0", b"")


def _toggle_docstrings(text: bytes) -> bytes:
    """Each triple quote becomes '/*' or '*/' in turn; an opening one also swallows a u/U prefix."""
    parts: list[bytes] = []
    pos = 0
    inside = False
    for match in _PY_TRIPLE_QUOTE.finditer(text):
        start = match.start()
        inside = not inside
        if inside:
            # The previous match ended on a quote, so a prefix letter is never part of it.
            prefixed = start > pos and text[start - 1] in b"uU"
            parts += (text[pos : start - 1] if prefixed else text[pos:start], b"/*")
        else:
            parts += (text[pos:start], b"*/")
        pos = match.end()
    parts.append(text[pos:])
    return b"".join(parts)


# A preprocessor directive with its backslash-continued lines.
_DIRECTIVE = re.compile(rb"^[ \t]*#(?:[^\n]*\\\r?\n)*[^\n]*", re.MULTILINE)


def code_line_prefix(
    source: bytes, comment_spans: Sequence[tuple[int, int]], preprocessor: bool = False
) -> list[int]:
    """prefix[n] = how many of lines 1..n hold code once comments are blanked (for nloc).

    With `preprocessor`, directive lines are not code either: lizard's C reader swallows them.
    """
    text = blank_spans(source, comment_spans) if comment_spans else source
    if preprocessor and b"#" in text:
        text = blank_spans(text, [m.span() for m in _DIRECTIVE.finditer(text)])
    items = text.translate(None, _INLINE_WHITESPACE).split(b"\n")
    return [0, *accumulate(map(bool, items))]
