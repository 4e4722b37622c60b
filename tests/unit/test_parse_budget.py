"""Every parse has a time budget: a file whose parse runs past it is skipped with the reason, and
the rest of the partition is analysed as usual."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoal.scan.agent import AgentTask, run_agent
from shoal.analysis import parser
from shoal.analysis.analyse import measure_tree
from shoal.config import Settings, settings_from_env
from shoal.scan.pipeline import ScanRequest, checkout_stage, plan_stage

# 200 KB of brackets 100,000 deep: about 0.2 s to parse here, against 10 ms for as much plain code.
PATHOLOGICAL = b"x = " + b"(" * 100_000 + b")" * 100_000 + b"\n"
# Small enough that tree-sitter never reports progress while parsing it, so no budget can cut it.
SMALL = b"def ok(a):\n    return a\n"
PLAIN = b"".join(b"def f%d(a, b):\n    if a:\n        return b\n    return a + %d\n\n" % (i, i) for i in range(200))


def test_a_parse_within_its_budget_is_the_plain_parse():
    tree = parser.parse_within(PLAIN, "python", 60.0)
    assert str(tree.root_node) == str(parser.parse(PLAIN, "python").root_node)
    assert tree.root_node.children[0].text.startswith(b"def f0(a, b):")


def test_a_parse_for_metrics_only_skips_the_reparse_and_measures_the_same():
    # Without text the tree is the callback's draft; the metrics slice the bytes, so names and
    # docstrings come out as from a bytes-backed tree.
    source = PLAIN + b'def g():\n    """Doc."""\n    return 1\n'
    draft = parser.parse_within(source, "python", 60.0, text=False)
    full = parser.parse_within(source, "python", 60.0)
    assert str(draft.root_node) == str(full.root_node)
    assert measure_tree(source, draft, "python", "m.py") == measure_tree(source, full, "python", "m.py")
    assert measure_tree(source, draft, "python", "m.py").functions[-1].name == "g"


def test_a_parse_past_its_budget_is_cancelled_and_the_parser_still_works():
    with pytest.raises(parser.ParseBudgetExceeded, match=r"time budget of 0 ms \(200005 bytes\)"):
        parser.parse_within(PATHOLOGICAL, "python", 0.0)
    # A cancelled parse left no state behind: the next one starts from the beginning.
    tree = parser.parse_within(PLAIN, "python", 60.0)
    assert not tree.root_node.has_error and tree.root_node.end_byte == len(PLAIN)


def test_the_budget_grows_with_every_started_megabyte():
    assert parser.parse_budget_seconds(0, 5000) == 5.0
    assert parser.parse_budget_seconds(parser.MB, 5000) == 5.0
    assert parser.parse_budget_seconds(parser.MB + 1, 5000) == 10.0
    assert parser.parse_budget_seconds(10 * parser.MB, 0) == 0.0


def test_the_budget_is_a_setting_that_reaches_the_agent():
    assert settings_from_env({}).parse_budget_ms == 5000
    assert settings_from_env({"SHOAL_PARSE_BUDGET_MS": "250"}).parse_budget_ms == 250
    task = AgentTask("s", "plan.json", "0" * 64, "p0000", Settings().thresholds, parse_budget_ms=250)
    assert AgentTask.from_event(task.to_event()).parse_budget_ms == 250
    with pytest.raises(Exception, match="parse_budget_ms must be 0 or more"):
        Settings(parse_budget_ms=-1)


def test_a_file_over_its_budget_is_skipped_with_the_reason_and_the_partition_completes(tmp_path: Path):
    src = tmp_path / "repo"
    src.mkdir()
    (src / "deep.py").write_bytes(PATHOLOGICAL)
    (src / "ok.py").write_bytes(SMALL)
    (src / "also_ok.py").write_bytes(SMALL.replace(b"ok", b"also_ok"))
    settings = Settings(workspace=str(tmp_path / "ws"), max_partitions=1)
    checkout_stage(ScanRequest.from_event({"scan_id": "b", "repository": str(src)}), settings)
    plan = plan_stage("b", settings)
    task = AgentTask("b", plan.plan, plan.sha256, plan.partitions[0], settings.thresholds, parse_budget_ms=0)
    shard = json.loads((tmp_path / "ws" / run_agent(task, tmp_path / "ws").shard).read_bytes())
    assert {f["path"] for f in shard["files"]} == {"ok.py", "also_ok.py"}
    assert shard["diagnostics"] == ["deep.py: skipped: parse exceeded its time budget of 0 ms (200005 bytes)"]
    # With the default budget the same file is analysed.
    task = AgentTask("b", plan.plan, plan.sha256, plan.partitions[0], settings.thresholds)
    shard = json.loads((tmp_path / "ws" / run_agent(task, tmp_path / "ws").shard).read_bytes())
    assert {f["path"] for f in shard["files"]} == {"deep.py", "ok.py", "also_ok.py"}
