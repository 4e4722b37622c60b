"""Findings as a person reads them in a terminal: grouped by file, each with its severity, rule,
CWE, message and the first lines of its code, secrets masked (as semgrep and bandit print them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from shoal.secrets import scan_secrets

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}
CODE_LINES = 2  # lines of a finding's code shown; a longer region ends with its first two
_MASK = "****"

LineReader = Callable[[str], "list[str] | None"]  # a scanned file's lines, or None if unreadable


def print_findings(console: Console, findings: list[dict[str, Any]], read_lines: LineReader,
                   max_shown: int | None = None, redact: Callable[[str], str] = str) -> int:
    """Print `findings` (findings.json entries, already in report order) grouped by file; return
    how many were printed. Past `max_shown` a line says how many more the reports hold. Code lines
    go through `redact` (the scan's own redaction: values a secret finding matched in any file)."""
    shown = findings if max_shown is None else findings[:max_shown]
    for path, group in groupby(sorted(shown, key=_order), key=lambda f: f["location"]["path"]):
        entries = list(group)
        console.print(Text(path, style="bold underline"), soft_wrap=True)
        lines = read_lines(path)
        secrets = _secret_regions(findings, path)
        for finding in entries:
            _print_one(console, finding, lines, path, secrets, redact)
        console.print()
    hidden = len(findings) - len(shown)
    if hidden > 0:
        console.print(f"... {hidden:,} more findings (--max-shown to see more; all are in the reports)",
                      highlight=False, soft_wrap=True)
    return len(shown)


def _order(finding: dict[str, Any]) -> tuple[str, int, int, str]:
    where = finding["location"]
    return where["path"], where["start_line"], where["start_col"], finding["rule_id"]


def _print_one(console: Console, finding: dict[str, Any], lines: list[str] | None, path: str,
               secrets: list[dict[str, Any]], redact: Callable[[str], str]) -> None:
    where = finding["location"]
    severity = finding["severity"]
    head = Text("  ")
    head.append(f"{where['start_line']}:{where['start_col']}", style="dim")
    head.append("  ")
    head.append(severity, style=SEVERITY_STYLE.get(severity, ""))
    head.append(f"  {finding['rule_id']}", style="bold")
    if finding.get("cwe"):
        head.append(f"  {finding['cwe']}", style="dim")
    if finding.get("baseline_state"):
        head.append(f"  [{finding['baseline_state']}]", style="magenta")
    console.print(head, soft_wrap=True)
    console.print(f"    {escape(finding['message'])}", highlight=False, soft_wrap=True)
    for number, text in _code(lines, where, path, secrets):
        console.print(Text(f"    {number:>5} | ", style="dim") + Text(redact(text)), soft_wrap=True)


def _code(lines: list[str] | None, where: dict[str, Any], path: str,
          secrets: list[dict[str, Any]]) -> Iterable[tuple[int, str]]:
    if not lines:
        return
    first = where["start_line"]
    last = min(where["end_line"], first + CODE_LINES - 1, len(lines))
    for number in range(first, last + 1):
        yield number, masked_line(path, lines[number - 1].rstrip("\r\n"), number, secrets)


def _secret_regions(findings: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    return [f["location"] for f in findings
            if f["location"]["path"] == path and f["rule_id"].startswith("secrets/")]


def masked_line(path: str, text: str, number: int, secret_regions: list[dict[str, Any]]) -> str:
    """`text` with every secret on it masked: those the scan reported on this line (a region that
    covers the line, as a private key's body), and any a detector finds in the line itself."""
    spans: list[tuple[int, int]] = []
    for region in secret_regions:
        if region["start_line"] <= number <= region["end_line"]:
            start = region["start_col"] - 1 if region["start_line"] == number else 0
            end = region["end_col"] - 1 if region["end_line"] == number else len(text)
            spans.append((start, end))
    for found in scan_secrets(path, text.encode("utf-8", "surrogateescape")):
        spans.append((found.location.start_col - 1, found.location.end_col - 1))
    for start, end in reversed(_merged(spans)):
        text = text[:start] + _MASK + text[end:]
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one, in order, so masking one never shifts another."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        end = max(start, end)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
