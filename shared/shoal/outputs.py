"""The reports `shoal scan` writes where the user asks (-o, --<format>-output, stdout), taken from
the scan's report folder or rendered from its findings.json for the CI formats."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from shoal.errors import InputError
from shoal.workspace import atomic_write, load_json

# Formats the merge writes into the report folder, by the key its summary names them with.
WORKSPACE_REPORTS = {"sarif": "sarif", "json": "json", "md": "md", "html": "html"}


@dataclass(frozen=True)
class Output:
    format: str
    path: Path


def format_for(path: str, fmt: str | None, extensions: dict[str, str]) -> str:
    """The format of `-o FILE`: the one given, else the one the file's extension names."""
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in extensions:
        known = ", ".join(f"{ext} ({name})" for ext, name in sorted(extensions.items()))
        raise InputError(f"-o {path}: cannot tell the format from {suffix or 'no extension'}: use one of {known}, "
                         "or give --format")
    return extensions[suffix]


def checked_outputs(outputs: list[Output]) -> list[Output]:
    """Refuse, before the scan, two reports for one file and files that cannot be written."""
    seen: dict[Path, str] = {}
    for output in outputs:
        resolved = output.path.resolve()
        if resolved in seen:
            raise InputError(f"{output.path} is asked for twice ({seen[resolved]} and {output.format}): give each "
                             "report its own file")
        seen[resolved] = output.format
        if output.path.is_dir():
            raise InputError(f"{output.path} is a folder: name a file to write the {output.format} report to")
        if not output.path.parent.resolve().is_dir():
            raise InputError(f"cannot write {output.path}: the folder {output.path.parent} does not exist")
        # A new or regular file is replaced through a temporary file beside it; anything else
        # (a device, a pipe, /dev/fd/N) is written where it is.
        target = _target(output.path)
        needed = target if target.exists() and not target.is_file() else target.parent
        if not os.access(needed, os.W_OK):
            raise InputError(f"cannot write {output.path}: permission denied on {needed}; name a file in a folder you can write to")
    return outputs


def _target(path: Path) -> Path:
    """Where a report for `path` goes: a symbolic link's regular file (the link stays), else `path`."""
    if path.is_symlink():
        resolved = path.resolve()
        if resolved.is_file() or not resolved.exists():
            return resolved
    return path


def render(fmt: str, reports: dict[str, Path], started: datetime, ended: datetime) -> bytes:
    """One report's bytes: copied from the report folder, or rendered from findings.json."""
    if fmt in WORKSPACE_REPORTS:
        return reports[WORKSPACE_REPORTS[fmt]].read_bytes()
    document = load_json(reports["json"].read_bytes())
    if fmt == "junit":
        from shoal.reports import junit

        return junit.render(document)
    if fmt == "codeclimate":
        from shoal.reports import codeclimate

        return codeclimate.render(document)
    if fmt == "gitlab-sast":
        from shoal.reports import gitlab

        return gitlab.render(document, started, ended)
    raise InputError(f"unknown report format {fmt!r}")


def write(outputs: list[Output], reports: dict[str, Path], started: datetime, ended: datetime) -> None:
    for output in outputs:
        write_bytes(output, render(output.format, reports, started, ended))


def write_bytes(output: Output, data: bytes) -> None:
    """One report written where the user asked: a new or regular file replaced whole, anything
    else (/dev/stdout, a FIFO, >(jq .)) written where it is, never replaced."""
    try:
        target = _target(output.path)
        if target.exists() and not target.is_file():
            with open(target, "wb") as stream:
                stream.write(data)
        else:
            atomic_write(target, data)
    except OSError as exc:
        raise InputError(f"cannot write the {output.format} report to {output.path}: {exc.strerror or exc}") from None
