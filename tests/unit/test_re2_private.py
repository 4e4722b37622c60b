"""The one private name of google-re2 Shoal uses (`_regexp.Match`, in shoal.analysis.parser) is there
in the version pyproject.toml pins, and gives the spans the public `finditer` gives: an upgrade that
drops or changes it fails here by name, and the scan falls back to `finditer` (slower, same ranges)."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
import re2

from shoal.analysis import parser

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

SOURCE = b"""import os
def run(cmd):
    os.system("ls " + cmd)  # select * from t
    return "" + "select a from b where c" + cmd
""" * 40

PATTERNS = [rb"system", rb"select\s+\S+\s+from", rb"x*", rb"(?:\"|')", rb"\b", rb"cmd|os\.", rb"zzz"]


def test_google_re2_is_pinned_and_installed() -> None:
    # A range would let an install pick a version whose private name nobody checked.
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    pinned = [d for d in dependencies if d.startswith("google-re2")]
    assert pinned and re.fullmatch(r"google-re2==\S+", pinned[0]), pinned
    assert version("google-re2") == pinned[0].split("==")[1]


def test_the_private_span_search_is_there_as_expected() -> None:
    assert parser._UNANCHORED is not None, "google-re2 no longer has _regexp.Match(anchor, text, pos, endpos)"


@pytest.mark.parametrize("pattern", PATTERNS)
def test_private_and_public_spans_agree(pattern: bytes) -> None:
    # re2's finditer repeats some empty matches (`\b` after a word): the same places, once each.
    regex = re2.compile(pattern)
    assert list(parser._spans(regex, SOURCE)) == sorted(set(parser._spans(regex, SOURCE, private=False)))


@pytest.mark.parametrize("pattern", PATTERNS)
def test_ranges_are_the_same_without_the_private_name(monkeypatch: pytest.MonkeyPatch, pattern: bytes) -> None:
    regex = re2.compile(pattern)
    fast = parser.ranges_of(regex, SOURCE)
    monkeypatch.setattr(parser, "_UNANCHORED", None)
    assert parser.ranges_of(regex, SOURCE) == fast
