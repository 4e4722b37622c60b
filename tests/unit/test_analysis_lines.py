"""Line counts of shoal.analysis against cloc 2.11 (expected values printed by cloc itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoal.analysis import analyse_source, lines
from shoal.analysis.lines import python_counts
from shoal.models import LineCounts

from .test_analysis_functions import SOURCES

# language -> (code, comment, blank) as `cloc --by-file` printed for the snippets.
CLOC: dict[str, tuple[int, int, int]] = {
    'javascript': (20, 3, 2),
    'typescript': (20, 3, 2),
    'java': (22, 2, 3),
    'go': (19, 3, 2),
    'rust': (18, 2, 1),
    'c': (17, 2, 2),
    'cpp': (20, 2, 2),
    'ruby': (20, 2, 1),
    'php': (21, 2, 1),
    "python": (24, 4, 7),
}


@pytest.mark.parametrize("language", sorted(CLOC))
def test_line_counts_match_cloc(language: str) -> None:
    lines = analyse_source(SOURCES[language].encode(), language, "snippet").lines
    assert (lines.code, lines.comment, lines.blank) == CLOC[language]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A triple-quoted string assigned to a name is still "comment" to cloc, except its first line.
        (b'x = """a\nb\n"""\ny = 1\n', LineCounts(code=2, comment=2, blank=0)),
        # Code after a closing triple quote joins the line the string opened on.
        (b'x = """a\nb""" + y\n', LineCounts(code=1, comment=1, blank=0)),
        # cloc drops any line that holds '/*' or '*/', even inside a string.
        (b's = "/* not a comment */"\n', LineCounts(code=0, comment=1, blank=0)),
        # A '#!' line is code for cloc; other leading '#' lines are comments.
        (b"#!/usr/bin/env python\n# hi\n\nx = 1", LineCounts(code=2, comment=1, blank=1)),
        (b"", LineCounts(code=0, comment=0, blank=0)),
        (b"  \n\t\n", LineCounts(code=0, comment=0, blank=2)),
    ],
)
def test_python_counts_follow_cloc_rules(source: bytes, expected: LineCounts) -> None:
    assert python_counts(source) == expected


def test_unclosed_triple_quote_is_fast_and_counts_as_code() -> None:
    source = b'x = """' + b"a*b*c\n" * 5_000
    assert python_counts(source).code == 5_000


def test_block_comment_between_code_merges_lines_like_cloc() -> None:
    source = b"int a; /* one\ntwo */ int b;\nint c;\n"
    assert analyse_source(source, "c", "m.c").lines == LineCounts(code=2, comment=1, blank=0)


def _toggled(text: bytes) -> bytes:
    """cloc's own way: every triple quote becomes '/*' or '*/' in turn, then C comments go."""
    return lines._C_COMMENT.sub(b"", lines._toggle_docstrings(text))


@pytest.mark.parametrize(
    "text",
    [
        b'"""doc"""\nx = 1\n',
        b'    u"""doc"""\nU\'\'\'other\'\'\' + uu"""x"""\n',  # u/U before an opening quote goes with it
        b'"""a\'\'\'\nb"""c"""',  # the two kinds close each other; the last one stays open
        b'x = """a""""""b"""\n',
        b'"""a"""u"""b"""',
        b'x = u"""open to the end\nand on\n',
        b"no quotes at all\n",
        b'x = "\0"\n"""doc"""\n',  # a NUL byte: the toggling path
        b'x = "\1"\n"""doc"""\n',  # the split's own marker byte: the toggling path too
        b'"""""""\'\'\'\'\'x""""\n',  # runs of both quotes, three at a time from the left
    ],
)
def test_docstrings_go_as_cloc_toggles_them(text: bytes) -> None:
    assert lines._without_docstrings(text) == _toggled(text)


def test_docstrings_go_as_cloc_toggles_them_in_the_standard_library() -> None:
    import email
    import json
    import unittest

    checked = 0
    for package in (email, json, unittest):
        for path in Path(package.__file__).parent.rglob("*.py"):
            text = path.read_bytes()
            if b"/*" in text or b"*/" in text:
                continue  # python_counts drops those lines before the docstrings
            assert lines._without_docstrings(text) == _toggled(text), path
            checked += 1
    assert checked > 50
