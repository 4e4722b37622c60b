"""Per-step figures (SHOAL_STEP_FIGURES): off by default, one line per step with its own time and
peak memory when on, and a scan's reports the same either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shoal import stepfigures
from shoal.stepfigures import ENV_STEP_FIGURES, measured, read_figures

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def test_nothing_is_written_when_the_variable_is_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_STEP_FIGURES, raising=False)
    monkeypatch.chdir(tmp_path)
    with measured("plan", "orchestrator"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_step_writes_its_name_process_labels_and_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = tmp_path / "figures.jsonl"
    monkeypatch.setenv(ENV_STEP_FIGURES, str(figures))
    with measured("agent", "worker", partition="p0003", attempt=1):
        pass
    (record,) = read_figures(str(figures))
    assert {k: record[k] for k in ("step", "process", "partition", "attempt", "ok", "pid")} == {
        "step": "agent", "process": "worker", "partition": "p0003", "attempt": 1, "ok": True, "pid": os.getpid()}
    assert 0 <= record["seconds"] < 5 and 0 <= record["cpu_seconds"] < 5
    assert record["peak_rss_bytes"] > 0


def test_a_step_that_raises_is_recorded_as_not_ok(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = tmp_path / "figures.jsonl"
    monkeypatch.setenv(ENV_STEP_FIGURES, str(figures))
    with pytest.raises(ValueError), measured("merge", "orchestrator"):
        raise ValueError("boom")
    assert [r["ok"] for r in read_figures(str(figures))] == [False]


def test_each_step_reports_its_own_peak_not_the_processs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step that held 200 MB, then one that held nothing: the second's peak is well below the
    first's, which only the reset of the high-water mark between them makes true."""
    figures = tmp_path / "figures.jsonl"
    monkeypatch.setenv(ENV_STEP_FIGURES, str(figures))
    with measured("checkout", "orchestrator"):
        block = bytearray(200 * MB)
        block[:: 4096] = b"x" * len(block[:: 4096])  # touch every page, so it is resident
        del block
    with measured("plan", "orchestrator"):
        pass
    big, small = read_figures(str(figures))
    if small["peak_scope"] != "step":
        pytest.skip("this kernel refuses to reset the high-water mark (/proc/self/clear_refs)")
    assert big["peak_rss_bytes"] - small["peak_rss_bytes"] > 150 * MB


def test_an_unwritable_target_loses_the_figure_not_the_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_STEP_FIGURES, str(tmp_path / "missing" / "figures.jsonl"))
    with measured("plan", "orchestrator"):
        done = True
    assert done


def test_a_torn_last_line_is_skipped(tmp_path: Path) -> None:
    figures = tmp_path / "figures.jsonl"
    stepfigures.append(str(figures), {"step": "plan"})
    with figures.open("a") as handle:
        handle.write('{"step": "mer')
    assert read_figures(str(figures)) == [{"step": "plan"}]


def _scan(repo: Path, workspace: Path, figures: Path | None) -> bytes:
    # Partitions of a few files each, so the scan runs several agents.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), "POWERTOOLS_LOG_LEVEL": "WARNING",
           "SHOAL_MIN_PARTITION_BYTES": "1"}
    env.pop(ENV_STEP_FIGURES, None)
    if figures is not None:
        env[ENV_STEP_FIGURES] = str(figures)
    done = subprocess.run(
        [sys.executable, "-m", "shoal.cli", "scan", str(repo), "--workspace", str(workspace), "--workers", "2",
         "--max-partitions", "3", "--format", "sarif", "--fail-on", "none", "-q"],
        env=env, capture_output=True, check=False, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout


def test_a_scan_records_checkout_plan_every_agent_and_merge_and_its_report_is_unchanged(tmp_path: Path) -> None:
    from tests.helpers import init_repo

    repo = tmp_path / "repo"
    repo.mkdir()
    for i in range(30):
        (repo / f"m{i:02d}.py").write_text(f"import os\n\ndef f{i}(x):\n    os.system('ls ' + x)\n    return {i}\n")
    init_repo(repo)
    figures = tmp_path / "figures.jsonl"
    measured_report = _scan(repo, tmp_path / "ws-measured", figures)
    plain_report = _scan(repo, tmp_path / "ws-plain", None)
    assert json.loads(measured_report) == json.loads(plain_report)
    records = read_figures(str(figures))
    orchestrator = [r["step"] for r in records if r["process"] == "orchestrator"]
    assert orchestrator == ["checkout", "plan", "merge"]
    agents = sorted(r["partition"] for r in records if r["step"] == "agent")
    assert agents == ["p0000", "p0001", "p0002"]
    assert all(r["ok"] and r["peak_rss_bytes"] > 0 for r in records)
    # The early checkout, when a worker made it, is the checkout step's work: recorded as such.
    assert {r["step"] for r in records if r["process"] == "early-worker"} <= {"checkout", "inventory"}
