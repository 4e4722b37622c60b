"""What a finished scan would cost on AWS at list prices, from its own figures, and the stack's fixed
monthly cost per network layout: `python -m shoal.cost <workspace> <scan-id>` (`make cost`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from shoal.errors import InputError, ShoalError
from shoal.workspace import ScanPaths

# The template's settings (template.yaml Globals and Parameters), which the scan itself does not record.
MEMORY_MB = 1769
RETENTION_DAYS = 14
LAYOUTS = ("Split", "NatInstance", "NatGateway", "NatGatewayHA", "ExistingVpc")
# The Split layout's hand-overs per scan (shoal.scan.remote, shoal.handlers.workspace): the workspace
# function's invokes (claim, plan, merge, release; seal only when a shard is sealed, not counted),
# the two archives (checkout in, reports out when publishing), the repository cache (its manifest
# and the new pack's two files pushed; from a fresh sandbox, the pack, its index and the manifest
# pulled) and the results snapshot (put by the merge, pulled by the next checkout).
SPLIT_INVOKES = 4
SPLIT_PUTS = 2 + 3 + 1
SPLIT_GETS = 2 + 3 + 1
_AGENT_INVOKE = "CHAINED_INVOKE"


@dataclass(frozen=True)
class Prices:
    """The list prices of shoal/data/prices.json, by key, with their sources."""

    entries: dict[str, dict[str, Any]]
    hours_per_month: float
    region: str

    @classmethod
    def load(cls, path: Path | None = None) -> Prices:
        text = path.read_text() if path else resources.files("shoal").joinpath("data/prices.json").read_text()
        document = json.loads(text)
        return cls(document["prices"], float(document["hours_per_month"]), document["region"])

    def __getitem__(self, key: str) -> float:
        return float(self.entries[key]["usd"])

    def assumed(self) -> list[str]:
        return sorted(key for key, entry in self.entries.items() if entry.get("assumed"))


@dataclass
class ScanFigures:
    """What one finished scan did, read from its folder: the durable execution's history (invocations,
    operations and their times) and the files it wrote."""

    scan_id: str
    orchestrator_seconds: float
    orchestrator_invocations: int
    agent_seconds: list[float]
    durable_operations: int
    files_written: int
    bytes_written: int
    bytes_read: int


@dataclass
class Line:
    item: str
    quantity: float
    unit: str
    usd: float


@dataclass
class Estimate:
    scan: ScanFigures
    architecture: str
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(line.usd for line in self.lines)


def _state_document(paths: ScanPaths) -> dict[str, Any]:
    """The execution store the local engine keeps in the scan folder (shoal.local.scanstate)."""
    from shoal.local.scanstate import STATE_FOLDER

    folder = paths.root / STATE_FOLDER
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise InputError(f"scan {paths.scan_id} has no execution history in {folder}: cost estimates need a "
                         "scan run by this machine's `shoal scan` (Lambda keeps its history in the service)")
    document = json.loads(files[-1].read_bytes())
    if not document.get("IsComplete"):
        raise InputError(f"scan {paths.scan_id} has not finished: run `shoal scan` again to resume it, then estimate")
    return document


def _agent_seconds(operation: dict[str, Any]) -> float:
    """The agent's own run time, which its handler returns; else the invoke's span (an older
    scan's), which locally also counts the wait for a free worker."""
    try:
        result = json.loads((operation.get("ChainedInvokeDetails") or {}).get("Result") or "{}")
    except ValueError:
        result = {}
    seconds = result.get("seconds") if isinstance(result, dict) else None
    return float(seconds) if isinstance(seconds, (int, float)) else _seconds(operation)


def _seconds(entry: dict[str, Any]) -> float:
    start, end = entry.get("StartTimestamp"), entry.get("EndTimestamp")
    return max(0.0, (end - start) / 1000) if start is not None and end is not None else 0.0


def _written_files(paths: ScanPaths, started: float, finished: float) -> tuple[int, int]:
    """Files (and their bytes) this scan wrote to the workspace: its folder, without the local-only
    execution history and lock, and the repository cache's files it changed while it ran."""
    from shoal.local.scanstate import STATE_FOLDER

    count = size = 0
    state = paths.root / STATE_FOLDER
    for path in paths.root.rglob("*"):
        if path.is_file() and not path.is_symlink() and state not in path.parents:
            count += 1
            size += path.stat().st_size
    cache = paths.workspace / "cache"
    if cache.is_dir():
        for path in cache.rglob("*"):
            if path.is_file() and not path.is_symlink() and started <= path.stat().st_mtime <= finished + 1:
                count += 1
                size += path.stat().st_size
    return count, size


def _bytes_read(paths: ScanPaths) -> int:
    """What the agents read (every planned file once) and the merge read back (every shard)."""
    plan = json.loads(paths.plan.read_bytes()) if paths.plan.exists() else {"partitions": []}
    planned = sum(f["bytes"] for p in plan["partitions"] for f in p["files"])
    shards = sum(p.stat().st_size for p in paths.root.joinpath("shards").glob("*.json"))
    return planned + shards


def read_scan(workspace: Path, scan_id: str) -> ScanFigures:
    try:
        paths = ScanPaths(workspace, scan_id)
    except ShoalError as exc:
        raise InputError(f"{scan_id!r} is not a scan id: {exc}") from None
    if not paths.root.is_dir():
        raise InputError(f"no scan {scan_id} in {workspace}/scans: give the workspace and a scan id that "
                         "`shoal scan` printed (ls <workspace>/scans)")
    document = _state_document(paths)
    invocations = document.get("InvocationCompletions") or []
    operations = document.get("Operations") or []
    execution: dict[str, Any] = next((op for op in operations if op.get("Type") == "EXECUTION"), {})
    started = (execution.get("StartTimestamp") or 0) / 1000
    finished = (execution.get("EndTimestamp") or 0) / 1000
    files, written = _written_files(paths, started, finished)
    return ScanFigures(
        scan_id=scan_id,
        orchestrator_seconds=sum(_seconds(i) for i in invocations),
        orchestrator_invocations=len(invocations),
        agent_seconds=[_agent_seconds(op) for op in operations if op.get("Type") == _AGENT_INVOKE],
        durable_operations=sum(1 for op in operations if op.get("Type") != "EXECUTION"),
        files_written=files,
        bytes_written=written,
        bytes_read=_bytes_read(paths),
    )


def estimate(figures: ScanFigures, prices: Prices, architecture: str = "x86_64", memory_mb: int = MEMORY_MB,
             retention_days: int = RETENTION_DAYS) -> Estimate:
    """Lambda (orchestrator and agents: GB-seconds and requests), durable operations, and the
    workspace on S3 Files and S3 (bytes written and read, files synchronised, storage until the
    scan folder expires), each a line."""
    gb = memory_mb / 1024
    per_gb_second = prices[f"lambda_gb_second_{architecture}"]
    agents = sum(figures.agent_seconds)
    months = retention_days / 30
    gigabytes_written = figures.bytes_written / 1e9
    result = Estimate(figures, architecture)
    result.lines = [
        Line("orchestrator compute", figures.orchestrator_seconds * gb, "GB-s", figures.orchestrator_seconds * gb * per_gb_second),
        Line("agent compute", agents * gb, "GB-s", agents * gb * per_gb_second),
        Line("Lambda requests", figures.orchestrator_invocations + len(figures.agent_seconds), "requests",
             (figures.orchestrator_invocations + len(figures.agent_seconds)) * prices["lambda_request"]),
        Line("durable operations", figures.durable_operations, "operations",
             figures.durable_operations * prices["durable_operation"]),
        Line("S3 Files writes", gigabytes_written, "GB", gigabytes_written * prices["s3files_write_gb"]),
        Line("S3 Files reads", figures.bytes_read / 1e9, "GB", figures.bytes_read / 1e9 * prices["s3files_read_gb"]),
        Line("S3 Files storage", gigabytes_written * months, "GB-month",
             gigabytes_written * months * prices["s3files_storage_gb_month"]),
        Line("S3 PUTs (files synchronised)", figures.files_written, "requests",
             figures.files_written * prices["s3_put_request"]),
        Line("S3 storage", gigabytes_written * months, "GB-month",
             gigabytes_written * months * prices["s3_standard_gb_month"]),
    ]
    return result


def split_lines(figures: ScanFigures, prices: Prices) -> list[Line]:
    """What the Split layout adds to a scan: the workspace function's requests and the transfer
    bucket's requests (its storage, a day of one archive, is below a hundredth of a cent). Compute
    moves from the orchestrator to the workspace function rather than growing: a durable function
    waiting on an invoke is not billed."""
    return [
        Line("workspace function requests", SPLIT_INVOKES, "requests", SPLIT_INVOKES * prices["lambda_request"]),
        Line("transfer bucket PUTs", SPLIT_PUTS, "requests", SPLIT_PUTS * prices["s3_put_request"]),
        Line("transfer bucket GETs", SPLIT_GETS, "requests", SPLIT_GETS * prices["s3_get_request"]),
    ]


def fixed_monthly(prices: Prices) -> dict[str, dict[str, float]]:
    """The stack's cost with no scan at all, per network layout: what runs by the hour, and what is
    billed per month whatever the traffic (secrets, alarms). Everything else is per use."""
    hours = prices.hours_per_month
    common = {"Secrets Manager (webhook and GitHub token)": 2 * prices["secret_month"],
              "CloudWatch alarms (2)": 2 * prices["alarm_month"]}
    nat_gateway = {"NAT gateway": hours * prices["nat_gateway_hour"],
                   "its public IPv4 address": hours * prices["public_ipv4_hour"]}
    layouts = {
        # No NAT and no interface endpoint: the S3 gateway endpoint and the mount targets cost nothing.
        "Split": {},
        "NatInstance": {"t4g.nano NAT instance": hours * prices["ec2_t4g_nano_hour"],
                        "its public IPv4 address": hours * prices["public_ipv4_hour"],
                        "its 8 GB gp3 volume": 8 * prices["ebs_gp3_gb_month"]},
        "NatGateway": nat_gateway,
        "NatGatewayHA": {name: 2 * usd for name, usd in nat_gateway.items()},
        "ExistingVpc": {},  # VpcId given: the network is the account's own, and so is its cost
    }
    return {layout: {**items, **common} for layout, items in layouts.items()}


def render(result: Estimate, prices: Prices) -> str:
    f = result.scan
    rows = [f"Scan {f.scan_id}: {len(f.agent_seconds)} agent invocations ({sum(f.agent_seconds):.1f} s), orchestrator "
            f"{f.orchestrator_seconds:.1f} s in {f.orchestrator_invocations} invocations, {f.files_written} files "
            f"({f.bytes_written / 1e6:.1f} MB) written to the workspace",
            f"Per scan on Lambda ({result.architecture}, {MEMORY_MB} MB) and S3 Files, {prices.region} list prices:"]
    for line in result.lines:
        rows.append(f"  {line.item:<32} {line.quantity:>14,.4f} {line.unit:<10} ${line.usd:>10.6f}")
    rows.append(f"  {'total per scan':<32} {'':>14} {'':<10} ${result.total:>10.6f}")
    extra = split_lines(f, prices)
    rows.append("The Split layout adds (its hand-overs through the transfer bucket):")
    for line in extra:
        rows.append(f"  {line.item:<32} {line.quantity:>14,.4f} {line.unit:<10} ${line.usd:>10.6f}")
    rows.append(f"  {'total per scan, Split':<32} {'':>14} {'':<10} ${result.total + sum(x.usd for x in extra):>10.6f}")
    rows.append("Fixed per month (no scans), by NetworkLayout:")
    for layout, items in fixed_monthly(prices).items():
        detail = ", ".join(f"{name} ${usd:.2f}" for name, usd in items.items())
        rows.append(f"  {layout:<13} ${sum(items.values()):>6.2f}  ({detail})")
    assumed = prices.assumed()
    if assumed:
        rows.append("Assumed prices (see shoal/data/prices.json): " + ", ".join(assumed))
    return "\n".join(rows)


def as_json(result: Estimate, prices: Prices) -> dict[str, Any]:
    return {"scan": asdict(result.scan), "architecture": result.architecture,
            "per_scan": [asdict(line) for line in result.lines], "per_scan_total": result.total,
            "split_per_scan": [asdict(line) for line in split_lines(result.scan, prices)],
            "split_per_scan_total": result.total + sum(line.usd for line in split_lines(result.scan, prices)),
            "fixed_monthly": {k: {"total": sum(v.values()), "items": v} for k, v in fixed_monthly(prices).items()},
            "assumed_prices": prices.assumed(), "region": prices.region}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shoal.cost", description=__doc__)
    parser.add_argument("workspace", type=Path, help="the workspace the scan ran in (shoal scan --workspace)")
    parser.add_argument("scan_id", help="the scan's id, as shoal scan printed it")
    parser.add_argument("--architecture", choices=("x86_64", "arm64"), default="x86_64")
    parser.add_argument("--retention-days", type=int, default=RETENTION_DAYS,
                        help="days the scan folder is kept (ScanRetentionDays)")
    parser.add_argument("--json", action="store_true", help="the estimate as JSON on stdout")
    args = parser.parse_args(argv)
    try:
        prices = Prices.load()
        result = estimate(read_scan(args.workspace, args.scan_id), prices, args.architecture,
                          retention_days=args.retention_days)
    except ShoalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(as_json(result, prices), indent=2) if args.json else render(result, prices))
    return 0


if __name__ == "__main__":
    sys.exit(main())
