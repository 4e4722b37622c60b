"""The Split network layout end to end, in one process: the real orchestrator (durable, in the
SDK's test runner) with no mount, the real workspace function and agents on a folder standing in
for the S3 Files mount, and the transfer bucket an in-memory S3 behind a real boto3 client."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner

from shoal.scan import transfer
from shoal.scan.agent import run_agent
from shoal.scan.claims import claim_path
from shoal.errors import InputError
from shoal.handlers.orchestrator import handler
from shoal.handlers.workspace import handle
from shoal.stages import PartitionTask
from shoal.workspace import ScanPaths
from tests.helpers import init_repo
from tests.s3fake import FakeS3


@pytest.fixture(autouse=True)
def as_the_local_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository is a local path, which only the local engine may scan."""
    monkeypatch.setenv("SHOAL_LOCAL_ENGINE", "1")


def write_repo(folder: Path) -> None:
    folder.mkdir()
    (folder / "app.py").write_text('import os\n\nfrom flask import request\n\n\ndef run():\n'
                                    '    os.system("ls " + request.args["cmd"])\n')
    (folder / "util.py").write_text("def add(a, b):\n    return a + b\n")
    init_repo(folder)


def scan(event: dict[str, Any], mount: Path, workspace_function: bool) -> Any:
    def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        return run_agent(PartitionTask.from_event(payload), mount).to_dict()

    with DurableFunctionTestRunner(handler=handler, execution_timeout=120, invocation_timeout=120) as runner:
        runner.register_function("shoal-agent", agent)
        if workspace_function:
            runner.register_function("shoal-workspace", lambda payload, _context: handle(payload, mount))
        arn = runner.run_async(input=json.dumps(event), execution_timeout=120, function_name="orchestrator",
                               execution_name=event["scan_id"])
        return runner.wait_for_result(arn, timeout=120)


def test_a_split_scan_reports_what_a_mounted_scan_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    write_repo(repo)
    event = {"scan_id": "split", "repository": str(repo), "ref": None}

    # The NAT layouts: the orchestrator mounts the workspace itself.
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "mounted"))
    mounted = scan(event, tmp_path / "mounted", workspace_function=False)
    assert mounted.error is None, mounted.error

    # Split: the orchestrator's workspace is its /tmp; the mount is the workspace function's.
    s3 = FakeS3()
    monkeypatch.setattr(transfer, "s3_client", s3.client)
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "orchestrator-tmp"))
    monkeypatch.setenv("SHOAL_WORKSPACE_FUNCTION", "shoal-workspace")
    monkeypatch.setenv("SHOAL_TRANSFER_BUCKET", "transfer")
    mount = tmp_path / "mount"
    split = scan(event, mount, workspace_function=True)
    assert split.error is None, split.error

    result, expected = json.loads(split.result), json.loads(mounted.result)
    assert result["findings"] == expected["findings"] and result["findings"]["error"] >= 1
    report = Path("scans/split/report/findings.json")
    assert (mount / report).read_bytes() == (tmp_path / "mounted" / report).read_bytes()
    # The workspace's stages ran as invokes, under the names the mounted layout gives its steps.
    names = {op.name for op in split.get_all_operations()}
    assert {"claim", "checkout", "plan", "merge", "release"} <= names
    # The claim is on the mount; the checkout left nothing of the scan in the orchestrator's /tmp,
    # only the repository cache, which is also in the bucket for the next sandbox.
    assert json.loads(claim_path(ScanPaths(mount, "split")).read_text())["finished"]
    assert not (tmp_path / "orchestrator-tmp" / "scans" / "split").exists()
    keys = {key for _bucket, key in s3.objects}
    assert "scans/split/checkout.tar.gz" in keys
    cached = sorted(k for k in keys if k.startswith("cache/repos/"))
    assert any(k.endswith("/manifest.json") for k in cached) and any(k.endswith(".pack") for k in cached)

    # The merge left this full scan's results in the bucket's copy of the cache, for the next checkout.
    snapshots = [k for k in cached if "/results/" in k]
    assert len(snapshots) == 1
    assert s3.objects[("transfer", snapshots[0])] == (mount / snapshots[0]).read_bytes()

    # A new commit, scanned from a fresh sandbox (empty /tmp): the cache comes back from the bucket,
    # and only the changed file is analysed, the other's results reused, as in the mounted layout.
    (repo / "util.py").write_text("def add(a, b):\n    return b + a\n")
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "swap"], check=True)
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "fresh-tmp"))
    s3.calls.clear()
    again = scan({**event, "scan_id": "split2"}, mount, workspace_function=True)
    assert again.error is None, again.error
    pulled = [p["Key"] for name, p in s3.calls if name == "GetObject" and p["Key"].startswith("cache/repos/")]
    assert sorted(pulled) == cached
    assert json.loads(again.result)["reused"] == 1  # app.py's results, from the first scan

    # The mount's snapshots pruned (the merge keeps four): the workspace function copies the one the
    # checkout chose back from the bucket, checked by its sha256, and the scan still reuses it.
    (repo / "util.py").write_text("def add(a, b):\n    return a + b + 0\n")
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "again"], check=True)
    for snapshot in mount.glob("cache/repos/*/results/*"):
        snapshot.unlink()
    s3.calls.clear()
    third = scan({**event, "scan_id": "split3"}, mount, workspace_function=True)
    assert third.error is None, third.error
    assert json.loads(third.result)["reused"] == 1
    newest = max((k for _b, k in s3.objects if "/results/" in k and k not in snapshots), key=len)
    fetched = [p["Key"] for name, p in s3.calls if name == "GetObject" and p["Key"] == newest]
    assert len(fetched) == 2  # the checkout's pull, then the workspace function's copy back


def test_the_workspace_function_refuses_what_it_does_not_know(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown workspace action 'rm'"):
        handle({"action": "rm", "settings": {}}, tmp_path)


def test_publishing_fetches_the_reports_and_the_repository_cache_then_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The publish step outside the VPC: the merge's reports archive and the repository's cache (a
    review reads the merge base's functions from its packs) come from the bucket into /tmp."""
    from shoal.config import Settings
    from shoal.scan.remote import cache_sync, publish_from_bucket
    from shoal.scan.transfer import RemoteWorkspace, put_folder

    s3 = FakeS3()
    monkeypatch.setattr(transfer, "s3_client", s3.client)
    url, where = "https://github.com/acme/widgets", RemoteWorkspace("shoal-workspace", "transfer")
    settings = Settings(workspace=str(tmp_path / "tmp"))
    sync = cache_sync(settings, url, where, s3.client())
    assert sync is not None
    s3.objects[("transfer", sync.prefix + "manifest.json")] = b"{}"
    s3.objects[("transfer", sync.prefix + "pack-1.pack")] = b"PACK"
    merged = tmp_path / "mount" / "scans" / "s1"
    (merged / "report").mkdir(parents=True)
    (merged / "report" / "findings.json").write_text('{"findings": []}')
    archive = put_folder(s3.client(), "transfer", "scans/s1/results.tar.gz", merged, ["report", "changes.json"])
    seen: dict[str, Any] = {}

    def publish(summary: dict[str, Any], github: dict[str, Any], used: Settings, **options: Any) -> dict[str, Any]:
        seen["report"] = (Path(used.workspace) / "scans" / "s1" / "report" / "findings.json").read_text()
        seen["pack"] = (sync.folder / "pack-1.pack").read_bytes()
        seen["options"] = options
        return {"published": True, "errors": []}

    result = publish_from_bucket({"scan_id": "s1"}, {"owner": "acme"}, settings, where, archive.to_dict(), url,
                                 publish, incomplete=True)
    assert result == {"published": True, "errors": []}
    assert seen == {"report": '{"findings": []}', "pack": b"PACK", "options": {"incomplete": True}}
    assert not (tmp_path / "tmp" / "scans" / "s1").exists()  # the reports leave /tmp with the step


def test_a_transient_workspace_failure_is_retried_and_bad_input_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shoal.errors import RetryableError

    repo = tmp_path / "repo"
    write_repo(repo)
    s3 = FakeS3()
    monkeypatch.setattr(transfer, "s3_client", s3.client)
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "orchestrator-tmp"))
    monkeypatch.setenv("SHOAL_WORKSPACE_FUNCTION", "shoal-workspace")
    monkeypatch.setenv("SHOAL_TRANSFER_BUCKET", "transfer")
    mount, calls = tmp_path / "mount", []

    def flaky(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        calls.append(payload["action"])
        if payload["action"] == "plan" and calls.count("plan") == 1:
            raise RetryableError("the mount did not answer in time")
        if payload["action"] == "merge":
            raise InputError("a rule in the repository cannot be read")
        return handle(payload, mount)

    def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        return run_agent(PartitionTask.from_event(payload), mount).to_dict()

    with DurableFunctionTestRunner(handler=handler, execution_timeout=120, invocation_timeout=120) as runner:
        runner.register_function("shoal-agent", agent)
        runner.register_function("shoal-workspace", flaky)
        arn = runner.run_async(input=json.dumps({"scan_id": "flaky", "repository": str(repo), "ref": None}),
                               execution_timeout=120, function_name="orchestrator", execution_name="flaky")
        outcome = runner.wait_for_result(arn, timeout=120)
    assert outcome.error is not None and "cannot be read" in str(outcome.error)
    assert calls.count("plan") == 2 and calls.count("merge") == 1  # retried once; not retried
    assert calls[-1] == "release"  # the failed scan still frees its folder
    names = {op.name for op in outcome.get_all_operations()}
    assert {"plan", "plan-backoff1", "plan-retry1", "merge"} <= names and "merge-retry1" not in names
