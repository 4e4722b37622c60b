"""Read-only git commands in a repository on this machine (the one `shoal scan <path>` names),
run one locked-down way: no system or global configuration, no fsmonitor or untracked cache, no
optional index write, literal pathspecs, no prompt. The repository's own configuration is still
read, so callers that could run its content filters switch them off (shoal.source.worktree)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

TIMEOUT = 120.0


def environment() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/"),
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0",
            "GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1", "LC_ALL": "C"}


def command(root: Path, *args: str, config: Sequence[str] = ()) -> list[str]:
    """The argv of `git <args>` in `root`; `config` adds `-c` settings (`key=value`)."""
    settings = ["core.fsmonitor=false", "core.untrackedCache=false", *config]
    return ["git", *(part for setting in settings for part in ("-c", setting)), "-C", str(root), *args]


def run(root: Path, *args: str, stdin: bytes | None = None, config: Sequence[str] = (),
        pathspecs: bool = True) -> subprocess.CompletedProcess[bytes] | None:
    """git's outcome (its exit status is the caller's to judge); None when git could not be run
    at all (missing, or past TIMEOUT). `pathspecs=False` for a command that takes plain paths and
    refuses GIT_LITERAL_PATHSPECS (check-ignore); it reads them literally anyway."""
    env = environment()
    if not pathspecs:
        del env["GIT_LITERAL_PATHSPECS"]
    try:
        return subprocess.run(command(root, *args, config=config), env=env, input=stdin,
                              stdin=None if stdin is not None else subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def popen(root: Path, *args: str) -> subprocess.Popen[bytes]:
    """A streaming git command (cat-file --batch) with stdin and stdout as pipes."""
    return subprocess.Popen(command(root, *args), env=environment(), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)


def first_error_line(done: subprocess.CompletedProcess[bytes] | None) -> str:
    if done is None:
        return "git could not be run"
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else f"exit status {done.returncode}"
