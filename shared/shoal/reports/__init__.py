"""Report writers: one ScanResult in, `shoal.sarif`, `findings.json`, `summary.md` and `index.html` out.

Every format is a pure function of the ScanResult (no clock, no host paths), so a retried report
step republishes byte-identical files and their sha256 can stand in for their content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shoal.models import ScanResult
from shoal.reports import html, jsonreport, markdown, sarif
from shoal.testhooks import reached
from shoal.workspace import atomic_write

Renderer = Callable[[ScanResult], bytes]

# Format -> (file name, renderer); the order is the order write_reports publishes and returns.
FORMATS: dict[str, tuple[str, Renderer]] = {
    "sarif": ("shoal.sarif", sarif.render),
    "json": ("findings.json", jsonreport.render),
    "md": ("summary.md", markdown.render),
    "html": ("index.html", html.render),
}


@dataclass(frozen=True)
class ReportFile:
    format: str
    path: Path
    sha256: str
    bytes: int


def render(result: ScanResult, fmt: str) -> bytes:
    """The bytes of one report format ("sarif", "json", "md" or "html")."""
    try:
        _, renderer = FORMATS[fmt]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown report format {fmt!r}: use one of {known}") from None
    return renderer(result)


def write_reports(result: ScanResult, report_dir: Path) -> dict[str, ReportFile]:
    """Render every format, then publish each file atomically into `report_dir`.

    Rendering all formats before writing any means a rendering bug leaves the previous reports
    intact rather than a mix of old and new ones.
    """
    rendered = {fmt: render(result, fmt) for fmt in FORMATS}
    written: dict[str, ReportFile] = {}
    for fmt, data in rendered.items():
        path = report_dir / FORMATS[fmt][0]
        digest = atomic_write(path, data)
        reached("report-written", fmt)  # a crash test's kill point between two reports
        written[fmt] = ReportFile(format=fmt, path=path, sha256=digest, bytes=len(data))
    return written


__all__ = ["FORMATS", "ReportFile", "render", "write_reports"]
