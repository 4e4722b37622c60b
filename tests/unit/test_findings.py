from __future__ import annotations

from shoal.config import Thresholds
from shoal.findings import dedupe_and_sort, metric_findings, rule_catalog
from shoal.models import FileMetrics, FunctionMetrics, LineCounts


def function(name: str, start: int, ccn: int = 1, length: int = 5, params: int = 1, nesting: int = 1) -> FunctionMetrics:
    return FunctionMetrics(name=name, start_line=start, end_line=start + length - 1, start_col=1,
                           ccn=ccn, nloc=length, params=params, max_nesting=nesting)


def metrics(*functions: FunctionMetrics, path: str = "pkg/mod.py") -> FileMetrics:
    return FileMetrics(path=path, language="python", bytes=100, lines=LineCounts(10, 0, 0), functions=functions)


def test_each_metric_over_its_limit_gives_one_finding():
    limits = Thresholds(max_ccn=10, max_function_lines=50, max_params=4, max_nesting=3)
    found = metric_findings(metrics(function("f", 3, ccn=11, length=51, params=5, nesting=4),
                                    function("g", 60, ccn=10, length=50, params=4, nesting=3)), limits)
    assert sorted(f.rule_id for f in found) == [
        "metrics/cyclomatic-complexity", "metrics/function-length", "metrics/nesting-depth", "metrics/parameter-count",
    ]
    assert all(f.location.start_line == 3 for f in found)
    ccn = next(f for f in found if f.rule_id == "metrics/cyclomatic-complexity")
    assert ccn.message == "f has 11 cyclomatic complexity (limit 10)"


def test_fingerprints_survive_line_moves_but_tell_functions_apart():
    limits = Thresholds(max_ccn=1)
    before = metric_findings(metrics(function("f", 3, ccn=5), function("g", 20, ccn=5)), limits)
    after = metric_findings(metrics(function("f", 40, ccn=6), function("g", 80, ccn=5)), limits)
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert before[0].fingerprint != before[1].fingerprint


def test_same_named_functions_get_distinct_fingerprints():
    found = metric_findings(metrics(function("f", 3, ccn=5), function("f", 30, ccn=5)), Thresholds(max_ccn=1))
    assert len({f.fingerprint for f in found}) == 2


def test_dedupe_drops_repeats_and_sorts_by_location():
    found = metric_findings(metrics(function("f", 30, ccn=5), function("g", 3, ccn=5)), Thresholds(max_ccn=1))
    merged = dedupe_and_sort(found + found)
    assert [f.location.start_line for f in merged] == [3, 30]


def test_catalog_lists_every_rule_once_sorted():
    ids = [r.id for r in rule_catalog()]
    assert ids == sorted(set(ids)) and len(ids) == 4
