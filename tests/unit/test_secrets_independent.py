"""The independent recall bench (tests/benchmarks/secrets_independent.py): it refuses a wheel
whose bytes are not the pinned ones, reads a cached example list without running anything, and
scores an example found only when Shoal reports a secret in it. No network: the cases lay the
cache or the download folder themselves."""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pytest

from tests.benchmarks import secrets_independent as bench
from tests.unit.test_secret_detectors import SPECS, generate


def test_a_wheel_other_than_the_pinned_one_is_refused(tmp_path: Path) -> None:
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        with pytest.raises(bench.Unavailable, match="only the x86_64 Linux wheel"):
            bench.examples(tmp_path)
        return
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / bench.WHEEL).write_bytes(b"not the released wheel")
    with pytest.raises(bench.Unavailable, match="pinned"):
        bench.examples(tmp_path)
    assert not (tmp_path / f"examples-{bench.VERSION}.json").exists()


def test_cached_examples_are_scored_by_provider(tmp_path: Path) -> None:
    token = generate(next(s for s in SPECS if s["id"] == "github-token"), 3)
    pairs = [["kingfisher.github.1", f"GITHUB_TOKEN={token}"], ["kingfisher.github.2", "no secret here"],
             ["kingfisher.acme.1", "colour = blue"]]
    (tmp_path / f"examples-{bench.VERSION}.json").write_text(json.dumps(pairs))
    loaded = bench.examples(tmp_path)
    total, found, by_provider = bench.score(loaded)
    assert (total, found) == (3, 1)
    assert by_provider == {"github": [True, False], "acme": [False]}
    assert bench.provider("kingfisher.aws.2") == "aws" and bench.provider("custom") == "custom"


def test_credential_rules_and_made_up_examples_are_told_apart(tmp_path: Path) -> None:
    token = generate(next(s for s in SPECS if s["id"] == "github-token"), 4)
    rows = [["kingfisher.github.1", f"GITHUB_TOKEN={token}", "GitHub Personal Access Token"],
            ["kingfisher.acme.1", "ACME_TOKEN=abcdef1234567890abcdef", "Acme API Token"],
            ["kingfisher.acme.2", "ACME_TENANT_ID=3f2b8c1e", "Acme Tenant ID"]]
    (tmp_path / f"examples-{bench.VERSION}.json").write_text(json.dumps(rows))
    names = bench.rule_names(tmp_path)
    assert bench.is_credential_rule(names["kingfisher.acme.1"])
    assert not bench.is_credential_rule(names["kingfisher.acme.2"])
    assert bench.is_credential_rule("Azure Client Secret") and not bench.is_credential_rule("Azure Client ID")
    assert bench.visibly_made_up("ACME_TOKEN=abcdef1234567890abcdef") and not bench.visibly_made_up(token)
    line = bench.credential_line(bench.examples(tmp_path), names)
    assert "(2 examples" in line and "recall 50.0%" in line and "1 of the missed" in line and "other 1: 100.0%" in line


def test_values_are_scored_in_the_issues_two_shapes(tmp_path: Path) -> None:
    token = generate(next(s for s in SPECS if s["id"] == "github-token"), 5)
    rows = [["kingfisher.github.1", f"GITHUB_TOKEN={token}", "GitHub Personal Access Token"],
            ["kingfisher.acme.1", "acme token ce4ff4b9a8a3", "Acme API Token"],
            ["kingfisher.acme.2", "ACME_TOKEN=abcdef1234567890abcdef", "Acme API Token"],
            ["kingfisher.acme.3", "ACME_TENANT_ID=3f2b8c1e9d7a", "Acme Tenant ID"]]
    (tmp_path / f"examples-{bench.VERSION}.json").write_text(json.dumps(rows))
    names = bench.rule_names(tmp_path)
    pairs = bench.examples(tmp_path)
    # The made-up value and the tenant id are left out; the GitHub token is its own value.
    assert bench.example_values(pairs, names) == [("GitHub Personal Access Token", token),
                                                   ("Acme API Token", "ce4ff4b9a8a3")]
    line = bench.shapes_line(pairs, names)
    # The GitHub token is found in both shapes; a 12-hex value under ACME_API_TOKEN is a
    # secret; passed bare to Client(), 12 characters are too few to tell from an id.
    assert "2 distinct credential values" in line and "recall 75.0%" in line
    assert "rule's name 100.0%" in line and "no import 50.0%" in line
    # Asked, the misses are listed by name and shape, never with the value itself.
    misses = bench.shapes_line(pairs, names, show_misses=True).splitlines()[1:]
    assert misses == ["shape misses (1 values):", "  ACME_API_TOKEN (bare missed; 12 chars, hex)"]
    assert not any("ce4ff4b9a8a3" in row for row in misses)
