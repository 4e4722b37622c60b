"""`.shoal.toml`, the scanned repository's own settings: what to scan and how to judge it.

    [scan]
    include = ["src/**"]            # only these paths (gitignore-style patterns), if given
    exclude = ["**/fixtures/**"]    # never these
    fail_on = "warning"             # error | warning | note | none

    [rules]
    disable = ["crypto/python-weak-hash"]
    folder = "tools/shoal-rules"    # user-written rules, same YAML format as the built-in ones

    [rules.severity]
    "config/python-flask-debug" = "error"

    [metrics]                       # function limits (a flag or SHOAL_MAX_* variable wins)
    max_ccn = 10
    max_function_lines = 80
    max_params = 5
    max_nesting = 4

An invalid file is an error that names the file and the place (line and column for TOML syntax,
the key for a wrong value), never a crash and never silently ignored.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from shoal.errors import InputError

FILE_NAME = ".shoal.toml"
# A settings file is a few hundred bytes; a bound keeps a hostile one from costing the parse of
# megabytes of TOML in every stage that reads it.
MAX_BYTES = 256 * 1024

_SEVERITIES = ["error", "warning", "note"]
_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}}
METRIC_LIMITS = ("max_ccn", "max_function_lines", "max_params", "max_nesting")
_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "scan": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "include": _PATTERNS,
                "exclude": _PATTERNS,
                "fail_on": {"enum": [*_SEVERITIES, "none"]},
            },
        },
        "rules": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "disable": {"type": "array", "items": {"type": "string"}},
                "folder": {"type": "string", "minLength": 1},
                "severity": {"type": "object", "additionalProperties": {"enum": _SEVERITIES}},
            },
        },
        "metrics": {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: {"type": "integer", "minimum": 1} for name in METRIC_LIMITS},
        },
    },
}


@dataclass(frozen=True)
class RepoConfig:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    disable: tuple[str, ...] = ()
    rules_folder: str | None = None  # relative to the repository root
    severity: tuple[tuple[str, str], ...] = field(default=())
    metrics: tuple[tuple[str, int], ...] = ()  # [metrics]: function limits by name

    def extended(self, include: Sequence[str] = (), exclude: Sequence[str] = (), disable: Sequence[str] = ()) -> RepoConfig:
        """This configuration with more patterns and disabled rules (command-line flags) added."""
        return replace(
            self,
            include=(*self.include, *(p for p in include if p not in self.include)),
            exclude=(*self.exclude, *(p for p in exclude if p not in self.exclude)),
            disable=(*self.disable, *(i for i in disable if i not in self.disable)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "include": list(self.include),
            "exclude": list(self.exclude),
            "fail_on": self.fail_on,
            "disable": list(self.disable),
            "rules_folder": self.rules_folder,
            "severity": dict(self.severity),
            **({"metrics": dict(self.metrics)} if self.metrics else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RepoConfig:
        return cls(
            include=tuple(data.get("include", ())),
            exclude=tuple(data.get("exclude", ())),
            fail_on=data.get("fail_on"),
            disable=tuple(data.get("disable", ())),
            rules_folder=data.get("rules_folder"),
            severity=tuple(sorted(data.get("severity", {}).items())),
            metrics=tuple(sorted(data.get("metrics", {}).items())),
        )


def check_size(size: int) -> None:
    """Refuse a `.shoal.toml` over MAX_BYTES, saying so, rather than reading it."""
    if size > MAX_BYTES:
        raise InputError(
            f"{FILE_NAME} is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes for it: "
            "keep only the scan's settings in it"
        )


def load_repo_config(root: Path) -> RepoConfig:
    """The repository's `.shoal.toml`, or the defaults when it has none."""
    path = root / FILE_NAME
    if not path.is_file() or path.is_symlink():
        return RepoConfig()
    try:
        text = read_bounded(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{FILE_NAME} cannot be read: {exc}") from None
    return parse_repo_config(text)


def parse_repo_config(text: str, name: str = FILE_NAME) -> RepoConfig:
    """A `.shoal.toml`'s text, validated; `name` is how errors call the file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name} is not valid TOML: {exc}") from None
    import jsonschema  # here, not at the top: only a repository with a .shoal.toml needs it (40 ms)

    errors = sorted(jsonschema.Draft7Validator(_SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        raise InputError(f"{name}: at {where}: {error.message}")
    scan, rules = data.get("scan", {}), data.get("rules", {})
    folder = rules.get("folder")
    if folder is not None and not _inside(folder):
        raise InputError(f"{name}: at rules.folder: {folder!r} must be a relative path inside the repository")
    return RepoConfig(
        include=tuple(scan.get("include", ())),
        exclude=tuple(scan.get("exclude", ())),
        fail_on=scan.get("fail_on"),
        disable=tuple(rules.get("disable", ())),
        rules_folder=folder,
        severity=tuple(sorted(rules.get("severity", {}).items())),
        metrics=tuple(sorted(data.get("metrics", {}).items())),
    )


def read_bounded(path: Path) -> bytes:
    """A .shoal.toml's bytes, refused past MAX_BYTES before they are read whole."""
    with open(path, "rb") as handle:
        check_size(os.fstat(handle.fileno()).st_size)
        data = handle.read(MAX_BYTES + 1)
    check_size(len(data))  # it grew after the stat
    return data


def _inside(relative: str) -> bool:
    parts = PurePosixPath(relative).parts
    return bool(parts) and not relative.startswith("/") and ".." not in parts


def configured(
    root: Path, text: str = "", include: Sequence[str] = (), exclude: Sequence[str] = (), disable: Sequence[str] = ()
) -> RepoConfig:
    """A scan's configuration: `text` (a file given with `shoal scan -c`) or else the repository's
    own .shoal.toml, plus the patterns and disabled rules given as flags."""
    base = parse_repo_config(text, "the --config file") if text else load_repo_config(root)
    return base.extended(include, exclude, disable)
