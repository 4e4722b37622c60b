"""`python -m shoal.cost`: a finished local scan's own figures priced at the list prices of
shoal/data/prices.json, and the fixed monthly cost of each network layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoal import cost
from shoal.cli import main as shoal
from shoal.config import ENV_MIN_PARTITION_BYTES
from tests.helpers import init_repo


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv(ENV_MIN_PARTITION_BYTES, "4096")  # several partitions of a small repository
    root = tmp_path_factory.mktemp("cost")
    repo = root / "repo"
    repo.mkdir()
    for n in range(12):
        (repo / f"m{n}.py").write_text("def f(a):\n    if a:\n        return a\n    return 0\n" * (40 + n))
    init_repo(repo)
    workspace = root / "ws"
    assert shoal(["scan", str(repo), "--workspace", str(workspace), "--workers", "2", "-q", "--max-shown", "0"]) == 0
    monkeypatch.undo()
    (scan_id,) = [p.name for p in (workspace / "scans").iterdir() if p.is_dir()]
    return workspace, scan_id


def test_a_real_scans_figures_come_from_its_history_and_its_files(scanned):
    workspace, scan_id = scanned
    figures = cost.read_scan(workspace, scan_id)
    folder = workspace / "scans" / scan_id
    plan = json.loads((folder / "plan.json").read_text())
    assert len(figures.agent_seconds) == len(plan["partitions"]) >= 2  # one agent invocation per partition
    assert all(0 < s < 60 for s in figures.agent_seconds)
    # each agent's own run time, as its handler measured it (not the invoke's span, which waits for a worker)
    history = json.loads(next((folder / "state").glob("*.json")).read_text())
    invokes = [op for op in history["Operations"] if op["Type"] == "CHAINED_INVOKE"]
    assert figures.agent_seconds == [json.loads(op["ChainedInvokeDetails"]["Result"])["seconds"] for op in invokes]
    assert figures.orchestrator_invocations >= 1 and 0 < figures.orchestrator_seconds < 60
    # a full git export is one pack of the tree's 12 files and its index, with nothing loose
    assert not [p for p in (folder / "src").rglob("*") if p.is_file()]
    assert len(json.loads((folder / "source.index.json").read_text())["files"]) == 12
    pack = (folder / "source.pack").stat().st_size
    # the pack and its index, the plan, the checkout manifest, a shard per partition and three reports, at least
    assert figures.files_written >= 2 + 2 + len(plan["partitions"]) + 3
    assert figures.bytes_written >= pack
    assert figures.bytes_read >= pack
    assert figures.durable_operations > len(plan["partitions"])


def test_the_estimate_prices_each_figure_at_the_data_files_rates(scanned):
    workspace, scan_id = scanned
    prices = cost.Prices.load()
    figures = cost.read_scan(workspace, scan_id)
    x86 = cost.estimate(figures, prices)
    lines = {line.item: line for line in x86.lines}
    gb_seconds = sum(figures.agent_seconds) * 1769 / 1024
    assert lines["agent compute"].quantity == pytest.approx(gb_seconds)
    assert lines["agent compute"].usd == pytest.approx(gb_seconds * 0.0000166667)
    assert lines["S3 PUTs (files synchronised)"].usd == pytest.approx(figures.files_written * 0.005 / 1000)
    assert x86.total == pytest.approx(sum(line.usd for line in x86.lines)) and x86.total > 0
    arm = cost.estimate(figures, prices, "arm64")
    arm_lines = {line.item: line for line in arm.lines}
    assert arm_lines["agent compute"].usd == pytest.approx(lines["agent compute"].usd * 0.8, rel=1e-3)


def test_fixed_monthly_cost_per_layout():
    fixed = {layout: sum(items.values()) for layout, items in cost.fixed_monthly(cost.Prices.load()).items()}
    assert set(fixed) == set(cost.LAYOUTS)
    # 730 h of a NAT gateway ($0.045) and its address ($0.005), two secrets ($0.40), two alarms ($0.10)
    assert fixed["NatGateway"] == pytest.approx(730 * 0.05 + 0.8 + 0.2)
    assert fixed["NatGatewayHA"] == pytest.approx(2 * 730 * 0.05 + 0.8 + 0.2)
    assert fixed["NatInstance"] == pytest.approx(730 * (0.0042 + 0.005) + 8 * 0.08 + 1.0)
    assert fixed["ExistingVpc"] == pytest.approx(1.0)
    assert fixed["Split"] == pytest.approx(1.0) and fixed["Split"] < 5  # the bound for the default
    assert fixed["NatInstance"] < fixed["NatGateway"] / 4


def test_the_layouts_priced_are_the_templates():
    """Every NetworkLayout the template offers has its fixed cost, and the default is the cheapest."""
    from tests.unit.test_template import load_template

    parameter = load_template()["Parameters"]["NetworkLayout"]
    fixed = cost.fixed_monthly(cost.Prices.load())
    assert set(parameter["AllowedValues"]) <= set(fixed)
    assert sum(fixed[parameter["Default"]].values()) == min(sum(items.values()) for items in fixed.values())


def test_every_price_names_its_source_and_date():
    prices = cost.Prices.load()
    for key, entry in prices.entries.items():
        assert entry["source"].startswith("https://"), key
        assert len(entry["date"]) == 10 and entry["usd"] > 0, key
        assert not entry.get("assumed") or entry["assumption"], key


def test_the_command_prints_the_estimate_and_json(scanned, capsys):
    workspace, scan_id = scanned
    assert cost.main([str(workspace), scan_id]) == 0
    out = capsys.readouterr().out
    assert f"Scan {scan_id}:" in out and "total per scan" in out and "NatInstance" in out and "NatGateway" in out
    assert cost.main([str(workspace), scan_id, "--json", "--architecture", "arm64"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["architecture"] == "arm64" and document["per_scan_total"] > 0
    assert document["fixed_monthly"]["NatGateway"]["total"] == pytest.approx(37.5)
    # Split: 4 invokes, 6 PUTs and 6 GETs more than a mounted scan.
    extra = document["split_per_scan_total"] - document["per_scan_total"]
    assert extra == pytest.approx(4 * 0.0000002 + 6 * 0.000005 + 6 * 0.0000004)


def test_bad_input_is_a_clear_error(scanned, tmp_path, capsys):
    workspace, scan_id = scanned
    assert cost.main([str(workspace), "no-such-scan"]) == 2
    assert "no scan no-such-scan in" in capsys.readouterr().err
    assert cost.main([str(workspace), "../etc"]) == 2
    assert "is not a scan id" in capsys.readouterr().err
    (tmp_path / "scans" / "plain").mkdir(parents=True)
    assert cost.main([str(tmp_path), "plain"]) == 2
    assert "has no execution history" in capsys.readouterr().err
    state = next((workspace / "scans" / scan_id / "state").glob("*.json"))
    copy = tmp_path / "scans" / "unfinished" / "state"
    copy.mkdir(parents=True)
    document = json.loads(state.read_text())
    (copy / state.name).write_text(json.dumps({**document, "IsComplete": False}))
    assert cost.main([str(tmp_path), "unfinished"]) == 2
    err = capsys.readouterr().err
    assert "has not finished" in err and "Traceback" not in err
