"""The scan's CloudWatch metrics: EMF lines a scan prints (names, units, dimensions, values), once
per scan however often the orchestrator replays; and tracing that costs nothing outside Lambda."""

from __future__ import annotations

import pytest

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner

from shoal.cli import main
from shoal.handlers.orchestrator import handler
from shoal.local.engine import _invoke_agent
from shoal.observability import SCAN_METRICS, tracing_enabled
from tests.helpers import init_repo

ROOT = Path(__file__).resolve().parents[2]


class TooManyRequestsException(Exception):
    """What Lambda raises for an Invoke past the account's or the function's concurrency."""


def emf_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith('{"_aws"')]


def by_metric(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Metric name (Findings:<severity> for the per-severity ones) -> (value, unit, dimensions)."""
    found = {}
    for doc in documents:
        (directive,) = doc["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == "Shoal"
        for metric in directive["Metrics"]:
            key = metric["Name"] + (f":{doc['Severity']}" if "Severity" in doc else "")
            (value,) = doc[metric["Name"]]
            found[key] = (value, metric["Unit"], sorted(directive["Dimensions"][0]))
    return found


def write_repo(folder: Path) -> None:
    folder.mkdir()
    (folder / "app.py").write_text('import os\n\nfrom flask import request\n\n\ndef run():\n'
                                    '    os.system("ls " + request.args["cmd"])\n')
    (folder / "util.py").write_text("def add(a, b):\n    return a + b\n")
    (folder / "notes.txt").write_text("nothing here\n")
    init_repo(folder)


def test_a_verbose_local_scan_prints_the_scans_metrics_once_on_stderr(tmp_path, capfd, monkeypatch):
    repo = tmp_path / "repo"
    write_repo(repo)
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL", raising=False)
    monkeypatch.delenv("POWERTOOLS_METRICS_DISABLED", raising=False)
    # Two workers, four partitions at most: several agents complete apart, so the orchestrator replays.
    code = main(["scan", str(repo), "--workspace", str(tmp_path / "ws"), "-v", "--workers", "2",
                 "--format", "json"])
    out, err = capfd.readouterr()
    assert code == 1
    assert not emf_lines(out) and json.loads(out)["findings"]  # stdout is the report alone
    documents = emf_lines(err)
    assert len(documents) == 4  # the scan's figures, and the findings of each of the three severities
    metrics = by_metric(documents)
    for name, unit in SCAN_METRICS.items():
        assert metrics[name][1] == unit and metrics[name][2] == ["service"], name
    assert metrics["FilesAnalysed"][0] == 2  # the code files with metrics; notes.txt is searched for secrets
    assert metrics["BytesAnalysed"][0] == sum(f.stat().st_size for f in repo.iterdir() if f.is_file())
    assert metrics["Findings:error"] == (1, "Count", ["Severity", "service"])
    assert metrics["Findings:warning"][0] == 0 and metrics["Findings:note"][0] == 0
    assert metrics["ScansFailed"][0] == 0 and metrics["PartitionsFailed"][0] == 0
    assert metrics["PartitionsRetried"][0] == 0 and metrics["PartitionsThrottled"][0] == 0
    assert metrics["Partitions"][0] >= 1 and metrics["FilesReused"][0] == 0
    assert 0 < metrics["CheckoutDuration"][0] <= metrics["ScanDuration"][0] < 120
    assert all(doc["service"] == "shoal-orchestrator" for doc in documents)

    # A second scan of the repository after a commit reuses the unchanged files' results.
    (repo / "util.py").write_text("def add(a, b):\n    return b + a\n")
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "swap"], check=True)
    main(["scan", str(repo), "--workspace", str(tmp_path / "ws"), "-v", "-q"])
    again = by_metric(emf_lines(capfd.readouterr().err))
    assert again["FilesReused"][0] == 1 and again["FilesAnalysed"][0] == 2


def test_a_quiet_local_scan_prints_no_metrics(tmp_path, capfd, monkeypatch):
    repo = tmp_path / "repo"
    write_repo(repo)
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL", raising=False)
    main(["scan", str(repo), "--workspace", str(tmp_path / "ws"), "-q"])
    out, err = capfd.readouterr()
    assert not emf_lines(out) and not emf_lines(err)


@pytest.fixture(autouse=True)
def as_the_local_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests stand in for the local engine, which alone may scan a local path."""
    monkeypatch.setenv("SHOAL_LOCAL_ENGINE", "1")


def run_orchestrator(event: dict[str, Any], agent: Any = _invoke_agent) -> Any:
    with DurableFunctionTestRunner(handler=handler, execution_timeout=120, invocation_timeout=120) as runner:
        runner.register_function("shoal-agent", lambda payload, _context: agent(payload))
        arn = runner.run_async(input=json.dumps(event), execution_timeout=120, function_name="orchestrator",
                               execution_name=event["scan_id"])
        return runner.wait_for_result(arn, timeout=120)


def test_a_scan_that_fails_counts_as_a_failed_scan(tmp_path, capfd, monkeypatch):
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL", raising=False)
    event = {"scan_id": "gone", "repository": str(tmp_path / "no-such-folder"), "ref": None,
             "options": {"claim_scans": False}}
    outcome = run_orchestrator(event)
    assert outcome.error is not None  # the checkout failed
    metrics = by_metric(emf_lines(capfd.readouterr().err))
    assert metrics["ScansFailed"][0] == 1 and metrics["FilesAnalysed"][0] == 0
    assert 0 <= metrics["ScanDuration"][0] < 60


def test_retried_throttled_and_failed_partitions_are_counted(tmp_path, capfd, monkeypatch):
    """A stubbed agent: p0000 throttled twice, p0001 crashes once, p0002 always crashes."""
    source = tmp_path / "src"
    source.mkdir()
    for n in range(3):
        (source / f"m{n}.py").write_text("def f(a):\n    return a\n" * (200 + n))
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL", raising=False)
    calls: dict[str, int] = {}

    def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        partition = payload["partition"]
        calls[partition] = calls.get(partition, 0) + 1
        if partition == "p0000" and calls[partition] <= 2:
            raise TooManyRequestsException("Rate exceeded")
        if (partition == "p0001" and calls[partition] == 1) or partition == "p0002":
            raise RuntimeError("the agent crashed")
        return _invoke_agent(payload)

    event = {"scan_id": "counted", "repository": str(source), "ref": None,
             "options": {"claim_scans": False, "max_partitions": 3, "min_partition_bytes": 1, "security": False,
                         "agent_attempts": 2, "throttle_wait": 1, "throttle_max_wait": 1}}
    outcome = run_orchestrator(event, lambda payload: agent(payload, None))
    assert outcome.error is None, outcome.error
    metrics = by_metric(emf_lines(capfd.readouterr().err))
    assert metrics["Partitions"][0] == 3
    assert metrics["PartitionsThrottled"][0] == 1 and metrics["PartitionsRetried"][0] == 1
    assert metrics["PartitionsFailed"][0] == 1
    assert metrics["ScansFailed"][0] == 0  # partial, within the default threshold (any may fail)
    (step,) = [op for op in outcome.get_all_operations() if op.name == "metrics"]
    assert "\"PartitionsFailed\":{\"t\":\"i\",\"v\":1}" in step.result  # checkpointed: a replay prints nothing


def test_tracing_is_off_and_free_outside_lambda(monkeypatch):
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    assert not tracing_enabled()
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    assert tracing_enabled()
    monkeypatch.setenv("AWS_SAM_LOCAL", "true")
    assert not tracing_enabled()
    # A local scan never loads the X-Ray SDK.
    code = ("import sys, shoal.handlers.orchestrator, shoal.handlers.agent, shoal.observability as o\n"
            "with o.subsegment('x'):\n    pass\n"
            "assert 'aws_xray_sdk' not in sys.modules, 'loaded'\n")
    env = {k: v for k, v in os.environ.items() if k not in ("LAMBDA_TASK_ROOT", "AWS_SAM_LOCAL")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


def test_in_lambda_the_agent_sends_analyse_parse_rules_and_secrets_subsegments(tmp_path):
    """The agent handler as Lambda runs it with tracing on: its subsegments reach an X-Ray daemon
    (a UDP socket here, where the SDK sends them)."""
    daemon = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    daemon.bind(("127.0.0.1", 0))
    port = daemon.getsockname()[1]
    script = tmp_path / "agent.py"
    script.write_text(
        "import sys, json\n"
        "from shoal.cli import main\n"
        "from shoal.local.engine import LocalLambdaContext\n"
        "from shoal.handlers.agent import handler\n"
        "from shoal.scan.agent import AgentTask\n"
        f"ws = {str(tmp_path / 'ws')!r}\n"
        "import glob, os\n"
        "plan = glob.glob(ws + '/scans/*/plan.json')[0]\n"
        "doc = json.load(open(plan))\n"
        "import hashlib\n"
        "scan = doc['scan_id']\n"
        "event = {'scan_id': scan, 'plan': os.path.relpath(plan, ws), 'partition': doc['partitions'][0]['id'],\n"
        "         'plan_sha256': hashlib.sha256(open(plan, 'rb').read()).hexdigest(), 'thresholds': {}}\n"
        "print(json.dumps(handler(event, LocalLambdaContext('shoal-agent', 'r-1'))))\n"
    )
    repo = tmp_path / "repo"
    write_repo(repo)
    assert main(["scan", str(repo), "--workspace", str(tmp_path / "ws"), "-q"]) == 1
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'shared'}{os.pathsep}{ROOT}", "LAMBDA_TASK_ROOT": str(tmp_path),
           "AWS_XRAY_DAEMON_ADDRESS": f"127.0.0.1:{port}", "SHOAL_WORKSPACE": str(tmp_path / "ws"),
           "_X_AMZN_TRACE_ID": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
           "AWS_LAMBDA_FUNCTION_NAME": "shoal-agent", "POWERTOOLS_SERVICE_NAME": "shoal-agent"}
    env.pop("AWS_SAM_LOCAL", None)
    env.pop("POWERTOOLS_TRACE_DISABLED", None)
    subprocess.run([sys.executable, str(script)], check=True, env=env, cwd=tmp_path, capture_output=True)
    daemon.settimeout(1)  # the agent has exited: what it sent is queued already
    documents = []
    try:
        while True:
            packet = daemon.recv(65536).decode()
            documents.append(json.loads(packet.split("\n", 1)[1]))  # header line, then the segment
    except TimeoutError:
        pass
    finally:
        daemon.close()
    names = {d["name"]: d for d in documents}
    assert {"analyse", "parse", "rules", "secrets"} <= set(names), names.keys()
    analyse = names["analyse"]
    assert analyse["annotations"]["partition"] == "p0000"
    for phase in ("parse", "rules", "secrets"):
        sub = names[phase]
        assert sub["parent_id"] == analyse["id"]
        assert analyse["start_time"] <= sub["start_time"] <= sub["end_time"] <= analyse["end_time"] + 0.001


def test_metrics_that_cannot_be_written_never_fail_the_scan(monkeypatch):
    import io

    from shoal import observability

    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(observability, "emf_stream", lambda: closed)
    result = observability.emit_scan_metrics(None, None, (), (), None, started=None, scan_failed=True)
    assert result["metrics"]["ScansFailed"] == 1
