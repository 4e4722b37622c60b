"""Tracing (X-Ray through Powertools, only inside Lambda) and one set of CloudWatch EMF metrics per
scan, built from checkpointed values so a replayed orchestrator emits them once."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import IO, Any

NAMESPACE = "Shoal"
SERVICE = "shoal-orchestrator"
PHASES = ("parse", "rules", "secrets")
SEVERITIES = ("error", "warning", "note")

# The metrics one scan emits: name -> unit (CloudWatch's unit names).
SCAN_METRICS = {
    "ScanDuration": "Seconds",
    "CheckoutDuration": "Seconds",
    "FilesAnalysed": "Count",
    "BytesAnalysed": "Bytes",
    "FilesReused": "Count",
    "Partitions": "Count",
    "PartitionsFailed": "Count",
    "PartitionsRetried": "Count",
    "PartitionsThrottled": "Count",
    "ScansFailed": "Count",
}
FINDINGS_METRIC = "Findings"  # one document per severity, with a Severity dimension


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def tracing_enabled() -> bool:
    """As Powertools decides, but without importing the X-Ray SDK: only in a real Lambda sandbox
    (no daemon listens elsewhere), never under sam local, and not with POWERTOOLS_TRACE_DISABLED."""
    if _truthy(os.environ.get("POWERTOOLS_TRACE_DISABLED")):
        return False
    return bool(os.environ.get("LAMBDA_TASK_ROOT")) and not os.environ.get("AWS_SAM_LOCAL")


@lru_cache(maxsize=1)
def _tracer() -> Any:
    from aws_lambda_powertools import Tracer

    return Tracer(service=os.environ.get("POWERTOOLS_SERVICE_NAME", "shoal"))


@contextmanager
def subsegment(name: str, **annotations: str | int) -> Iterator[None]:
    """An X-Ray subsegment around a stage; nothing at all (no import, no clock) outside Lambda."""
    if not tracing_enabled():
        yield
        return
    with _tracer().provider.in_subsegment(name) as segment:
        for key, value in annotations.items():
            segment.put_annotation(key, value)
        yield


class PhaseClock:
    """Seconds an agent spends in each phase, summed over its files (perf_counter: cheap enough
    to run always, so local and Lambda agents do the same work)."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(PHASES, 0.0)

    def add(self, phase: str, since: float) -> float:
        """Count the time from `since` (a perf_counter reading) to now; return now."""
        now = time.perf_counter()
        self.seconds[phase] += now - since
        return now


def record_phases(clock: PhaseClock, started: float) -> None:
    """One subsegment per phase under the current one, as long as that phase's total, laid end to
    end from `started` (epoch seconds): a partition has thousands of files, and a subsegment per
    file would flood the trace."""
    if not tracing_enabled():
        return
    provider = _tracer().provider
    at = started
    for phase in PHASES:
        segment = provider.begin_subsegment(phase)
        if segment is None:  # no open segment to hang it on (X-Ray's context_missing logs it)
            return
        segment.start_time = at
        at += clock.seconds[phase]
        segment.put_metadata("seconds", round(clock.seconds[phase], 6))
        provider.end_subsegment(end_time=at)


def scan_figures(
    scan: dict[str, Any] | None,
    plan: dict[str, Any] | None,
    shards: Sequence[dict[str, Any]],
    failed: Sequence[dict[str, Any]],
    summary: dict[str, Any] | None,
    *,
    started: float | None,
    finished: float,
    scan_failed: bool,
) -> dict[str, float]:
    """The metric values of one scan, from the checkpointed results of its stages (any of which is
    None when the scan failed before it). Called inside a step: `finished` is read there."""
    scan, plan, summary = scan or {}, plan or {}, summary or {}
    return {
        "ScanDuration": round(finished - started, 3) if started is not None else 0.0,
        "CheckoutDuration": float(scan.get("seconds", 0.0)),
        "FilesAnalysed": summary.get("files", 0),
        "BytesAnalysed": plan.get("bytes", 0),
        "FilesReused": summary.get("reused", plan.get("reused", 0)),
        "Partitions": len(plan.get("partitions", ())),
        "PartitionsFailed": len(failed),
        "PartitionsRetried": sum(1 for s in shards if s.get("attempt", 0) > 0),
        "PartitionsThrottled": sum(1 for s in shards if s.get("throttled", 0) > 0),
        "ScansFailed": 1 if scan_failed else 0,
    }


def emf_documents(figures: dict[str, float], findings: dict[str, int], timestamp: float) -> list[dict[str, Any]]:
    """EMF documents (Powertools' serialiser): the scan's figures under the service dimension, and
    the findings count once per severity under service and Severity."""
    from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit

    documents: list[dict[str, Any]] = []  # Powertools' EMF TypedDicts, as plain dicts
    scan = EphemeralMetrics(namespace=NAMESPACE, service=SERVICE)
    for name, unit in SCAN_METRICS.items():
        scan.add_metric(name=name, unit=MetricUnit(unit), value=figures[name])
    scan.set_timestamp(int(timestamp * 1000))
    documents.append(dict(scan.serialize_metric_set()))
    for severity in SEVERITIES:
        by_severity = EphemeralMetrics(namespace=NAMESPACE, service=SERVICE)
        by_severity.add_dimension(name="Severity", value=severity)
        by_severity.add_metric(name=FINDINGS_METRIC, unit=MetricUnit.Count, value=findings.get(severity, 0))
        by_severity.set_timestamp(int(timestamp * 1000))
        documents.append(dict(by_severity.serialize_metric_set()))
    return documents


def emf_stream() -> IO[str] | None:
    """Where EMF lines go: stdout in Lambda (CloudWatch extracts them from the log); on a local
    run stderr, since stdout carries reports, and only when the handlers' logs are shown
    (`shoal scan -v`; the CLI otherwise sets POWERTOOLS_LOG_LEVEL=WARNING)."""
    from aws_lambda_powertools.metrics.functions import is_metrics_disabled

    if is_metrics_disabled():
        return None
    if os.environ.get("LAMBDA_TASK_ROOT") and not os.environ.get("AWS_SAM_LOCAL"):
        return sys.stdout
    level = os.environ.get("POWERTOOLS_LOG_LEVEL", "INFO").strip().upper()
    return sys.stderr if level in ("DEBUG", "INFO", "") else None


def emit_scan_metrics(
    scan: dict[str, Any] | None,
    plan: dict[str, Any] | None,
    shards: Sequence[dict[str, Any]],
    failed: Sequence[dict[str, Any]],
    summary: dict[str, Any] | None,
    *,
    started: float | None,
    scan_failed: bool,
) -> dict[str, Any]:
    """Compute and print the scan's EMF lines; return the figures (the step's checkpointed value)."""
    import json

    finished = time.time()
    figures = scan_figures(scan, plan, shards, failed, summary, started=started, finished=finished,
                           scan_failed=scan_failed)
    findings = (summary or {}).get("findings", {})
    stream = emf_stream()
    if stream is not None:
        lines = "".join(json.dumps(d, separators=(",", ":")) + "\n" for d in emf_documents(figures, findings, finished))
        try:
            stream.write(lines)
            stream.flush()
        except (OSError, ValueError):  # a closed or broken stream loses the metrics, never the scan
            pass
    return {"metrics": figures, "findings": {s: findings.get(s, 0) for s in SEVERITIES}}
