"""Regex predicates taken out of query text and checked with RE2 give the matches py-tree-sitter
gives with Python's re, for every regex both read alike: quantified captures, any-/not- forms,
escapes, comments and strings that only look like predicates."""

from __future__ import annotations

import re

import pytest
from tree_sitter import Query, QueryCursor

from shoal.analysis import parser, querytext

SOURCE = b'''
import os
def get_user(a, b, c): return "get" + 'x\\\\y'
def set_user(x): pass
def _private(): return "a.b"
call(1, 2, "three")
call("one", "two")
msg = "(#match? @s x)"
'''

QUERIES = [
    r'((function_definition name: (identifier) @name) @finding (#match? @name "^get_"))',
    r'((function_definition name: (identifier) @name) @finding (#not-match? @name "^get_"))',
    # Quantified captures: match? wants every node, any-match? one.
    r'((call arguments: (argument_list (_)+ @args)) @finding (#match? @args "^\"|^[0-9]"))',
    r'((call arguments: (argument_list (_)+ @args)) @finding (#any-match? @args "^\"t"))',
    r'((call arguments: (argument_list (_)+ @args)) @finding (#any-not-match? @args "^[0-9]$"))',
    r'((call arguments: (argument_list (_)* @args)) @finding (#not-match? @args "one"))',
    # Escapes as tree-sitter reads them: \\ is a backslash, \. is a dot (any character), \" a quote.
    r'((string) @s (#match? @s "\\\\")) @finding',
    r'((string) @s (#match? @s "a\.b")) @finding',
    r'((string) @s (#match? @s "^\"get\"$")) @finding',
    # A bare symbol is a string; a comment or a string that looks like a predicate is neither.
    r'((identifier) @id (#match? @id os)) @finding',
    '; (#match? @nothing "(")\n((string) @s (#eq? @s "\\"(#match? @s x)\\"")) @finding',
    # Predicates written as (.match? ...), with blanks and comments inside, beside other predicates.
    '((function_definition name: (identifier) @n parameters: (parameters) @p) @finding\n'
    '  ( .match? ; a comment\n @n "user$") (#not-eq? @n "set_user") (#any-of? @p "(a, b, c)" "(x)"))',
    # Non-ASCII in a regex and a multi-byte character before it: byte offsets must hold.
    '; é\n((string) @s (#not-match? @s "é|three")) @finding\n((identifier) @finding (#match? @finding "^os$"))',
]


def _results(found: list[tuple[int, dict]]) -> list[tuple[int, list[tuple[str, list[bytes]]]]]:
    return sorted((pattern, sorted((name, [n.text for n in nodes]) for name, nodes in captures.items()))
                  for pattern, captures in found)


@pytest.mark.parametrize("text", QUERIES)
def test_regex_predicates_checked_with_re2_match_what_python_re_matches(text: str) -> None:
    tree = parser.parse(SOURCE, "python")
    expected = QueryCursor(Query(parser.get_language("python"), text)).matches(tree.root_node)
    got = parser.matches(parser.compile_query("python", text), tree.root_node)
    assert _results(got) == _results(expected)
    assert expected, "each query should find something, or the comparison proves little"


def test_the_blanked_text_keeps_every_byte_offset_and_line() -> None:
    text = '; é\n((string) @s\n  (#match? @s "é")) @finding\n(identifier) @finding'
    blanked, found = querytext.prepare(text)
    assert len(blanked.encode()) == len(text.encode()) and blanked.count("\n") == text.count("\n")
    assert "#match?" not in blanked and [(p.name, p.capture, p.regex) for p in found] == [("match?", "s", "é")]
    assert text.encode()[found[0].offset:].startswith(b"(#match?")


@pytest.mark.parametrize("text, fragment", [
    ('((string) @s (#match? @s "(?<=a)b")) @finding', "RE2 cannot compile the regex '(?<=a)b'"),
    ('((string) @s (#match? @s)) @finding', "takes a capture and a regex"),
    ('((string) @s (#match? "x" @s)) @finding', "takes a capture and a regex"),
    ('((string) @finding) (#match? @finding "x")', "is outside any pattern"),
])
def test_malformed_regex_predicates_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(querytext.QueryTextError, match=re.escape(fragment)):
        parser.compile_query("python", text)


@pytest.mark.parametrize("first", [0, 1, 2, 3])
def test_split_matches_merges_the_first_patterns_captures_and_keeps_the_others_matches(first: int) -> None:
    """As `matches` gives them: the captures of the patterns below `first` merged by name in
    match order, the other matches with their regex predicates applied, whichever side a
    pattern with a regex predicate is on."""
    text = ("((function_definition name: (identifier) @fn))\n"
            '((string) @s (#match? @s "a"))\n'
            "((call function: (identifier) @callee))\n"
            '((function_definition name: (identifier) @name) @finding (#not-match? @name "^get_"))')
    query = parser.compile_query("python", text)
    tree = parser.parse(SOURCE, "python")
    every = parser.matches(query, tree.root_node)
    merged, rest = parser.split_matches(query, tree.root_node, first)
    expected: dict[str, list[bytes]] = {}
    for _, captures in (m for m in every if m[0] < first):
        for name, nodes in captures.items():
            expected.setdefault(name, []).extend(n.text for n in nodes)
    assert {name: [n.text for n in nodes] for name, nodes in merged.items()} == expected
    assert _results(rest) == _results([m for m in every if m[0] >= first])
    # The regex predicate held where merged too: only the strings holding an "a".
    assert [n.text for n in merged.get("s", [])] == ([b'"a.b"', b'"(#match? @s x)"'] if first >= 2 else [])
