"""The stage records: each survives its checkpoint (JSON) unchanged, writes the keys the stages
always wrote (so state checkpointed before the records existed still resumes), and a record that
lacks a field is refused with its name, not a KeyError."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from shoal.config import Settings, Thresholds
from shoal.errors import InputError
from shoal.models import Exclusion, Partition, SourceFile
from shoal.stages import (
    BaselineOptions, CheckoutManifest, CheckoutRecord, DiffRef, IncrementalRef, LostPartition, MergeSummary,
    PartitionFailure, PartitionTask, Plan, PlanDocument, ShardRef,
)

BASELINE = BaselineOptions("main", True, "main", "https://github.com/acme/widgets")
CHECKOUT = CheckoutRecord(
    "s", "https://github.com/acme/widgets", "main", "c" * 40, 10, 2048, 1, BASELINE,
    diff=DiffRef(3, 1, 1, 12, "main", "d" * 40, "scans/s/changes.json", "e" * 64),
    analysis_key="k", incremental=IncrementalRef("f" * 40, "cache/repos/x/results/a.json.gz", "a" * 64, 3, 10),
    seconds=0.25,
)
PLAN = Plan("scans/s/plan.json", "b" * 64, ("p0000", "p0001"), 10, 2048, 4, 0, reused=7,
            thresholds=Thresholds(max_ccn=5))
SHARD = ShardRef("p0000", "scans/s/shards/p0000.json", "c" * 64, 5, 9, 2, 0, seconds=0.5, attempt=1)
SUMMARY = MergeSummary("s", "c" * 40, 10, 2, {"error": 1}, True, True, ("p0001",), 1, {"files": 10},
                       {"json": "scans/s/report/findings.json"}, {"json": "a" * 64},
                       extra={"redacted_shards": ["p0000"], "reused": 7})
DOCUMENT = PlanDocument("s", (Partition("p0000", (SourceFile("a.py", "python", 10),)),),
                        (Exclusion("vendor", "vendored"),), True, {"fail_on": "error"}, "k" * 64, ("slow",))


@pytest.mark.parametrize("record", [CHECKOUT, PLAN, SHARD, SUMMARY, DOCUMENT, PartitionFailure("p0001", "boom")],
                         ids=lambda r: type(r).__name__)
def test_every_record_survives_its_checkpoint(record) -> None:
    data = json.loads(json.dumps(record.to_dict()))
    assert type(record).from_dict(data) == record


def test_a_task_survives_the_invoke() -> None:
    task = PartitionTask("s", "scans/s/plan.json", "a" * 64, "p0003", Thresholds(max_params=4), fault="raise",
                         attempt=2, parse_budget_ms=10)
    assert PartitionTask.from_event(json.loads(json.dumps(task.to_event()))) == task
    with pytest.raises(InputError, match="agent event"):
        PartitionTask.from_event({"scan_id": "s"})


def test_records_write_the_keys_the_stages_always_wrote() -> None:
    # What a checkpoint made before the records existed holds, key for key: it still resumes.
    assert list(CHECKOUT.to_dict()) == ["scan_id", "repository", "ref", "commit", "files", "bytes", "skipped",
                                        "baseline", "diff", "analysis_key", "incremental", "seconds"]
    assert list(CHECKOUT.to_dict()["diff"]) == ["touched", "deleted", "renamed", "lines", "base", "merge_base",
                                                "changes", "sha256"]
    assert PLAN.to_dict()["thresholds"] == asdict(Thresholds(max_ccn=5))
    assert "reused" not in Plan("p", "s", (), 0, 0, 0, 0).to_dict()
    assert list(SHARD.to_dict()) == ["partition", "shard", "sha256", "files", "functions", "findings",
                                     "diagnostics", "seconds", "attempt"]
    assert list(SUMMARY.to_dict())[-2:] == ["reused", "redacted_shards"]
    assert SUMMARY.redacted_shards == ("p0000",) and SUMMARY.with_extra(publish={"errors": []}).to_dict()["publish"]


def test_the_manifest_holds_the_lists_and_the_checkpoint_their_lengths() -> None:
    tree = tuple(f"f{i}.py" for i in range(10))  # as many as CHECKOUT counts
    manifest = CheckoutManifest(CHECKOUT, skipped=(Exclusion("link", "symlink"),), tree=tree, exported=tree[:3])
    data = json.loads(json.dumps(manifest.to_dict()))
    assert data["skipped"] == [{"path": "link", "reason": "symlink"}] and data["incremental"]["tree"] == list(tree)
    again = CheckoutManifest.from_dict(data)
    assert again == manifest and again.record == CHECKOUT  # skipped and the incremental lists read as counts


def test_a_lost_partition_names_its_files() -> None:
    lost = LostPartition("p0001", "Timeout", tuple(f"f{i}.py" for i in range(7)))
    assert lost.diagnostic() == ("partition p0001 failed (Timeout): 7 files not analysed: "
                                 "f0.py, f1.py, f2.py, f3.py, f4.py and 2 more")
    assert DOCUMENT.files_of() == {"p0000": ["a.py"]} and DOCUMENT.partition("p0009") is None


@pytest.mark.parametrize("kind, data", [
    (CheckoutRecord, {"scan_id": "s"}),
    (Plan, {"plan": "p", "sha256": "x", "partitions": "p0000"}),
    (ShardRef, {"partition": "p0000", "files": "many"}),
    (MergeSummary, {}),
])
def test_a_record_lacking_a_field_is_refused_by_name(kind, data) -> None:
    with pytest.raises(InputError, match="record is missing or has a bad field"):
        kind.from_dict(data)


def test_the_plan_gives_the_agents_its_limits_or_the_settings() -> None:
    settings = Settings(thresholds=Thresholds(max_ccn=20))
    assert PLAN.agent_thresholds(settings).max_ccn == 5
    assert Plan("p", "s", (), 0, 0, 0, 0).agent_thresholds(settings).max_ccn == 20
