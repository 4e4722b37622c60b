"""Function metrics of a diff scan's touched files as they were at the merge base, for a pull
request's complexity change: read from git (the local repository, or the workspace's cache of the
remote's objects) and measured as the agents measure the head."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shoal.analysis import parser
from shoal.analysis.analyse import analyse_source
from shoal.source.changes import ChangeSet
from shoal.errors import InputError
from shoal.languages import detect_language
from shoal.source.repocache import cache_key, cache_root
from shoal.source.specs import parse_repository

_GIT_TIMEOUT = 60.0
_MAX_BLOB_BYTES = 2 * 1024 * 1024  # as large as the analysis would look at
_ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0"}


def base_functions(
    workspace: Path, repository: str, changes: ChangeSet, head_paths: Sequence[str]
) -> dict[str, list[dict[str, Any]]] | None:
    """head path -> the function dicts of that file at the merge base (empty for an added file);
    None when the merge base's objects cannot be read (then the complexity change is not known)."""
    wanted = {f.path: (f.old_path or f.path) for f in changes.files
              if f.path in set(head_paths) and f.status != "added"}
    added: dict[str, list[Any]] = {f.path: [] for f in changes.files if f.path in set(head_paths) and f.status == "added"}
    if not wanted:
        return dict(added)
    try:
        blobs = _read_blobs(workspace, repository, changes.merge_base, sorted(set(wanted.values())))
    except (OSError, subprocess.SubprocessError):
        blobs = None  # no git, or a cache being rewritten: the summary says the change is not known
    if blobs is None:
        return None
    out: dict[str, list[dict[str, Any]]] = dict(added)
    for head_path, base_path in wanted.items():
        data, language = blobs.get(base_path), detect_language(base_path)
        if data is None or language is None or language not in parser.GRAMMARS:
            continue  # not at the merge base, or nothing Shoal measures: no "before" to show
        out[head_path] = [f.to_dict() for f in analyse_source(data, language, base_path).functions]
    return out


def _read_blobs(workspace: Path, repository: str, commit: str, paths: list[str]) -> dict[str, bytes] | None:
    try:
        spec = parse_repository(repository, (urlsplit(repository).hostname or "",))
    except InputError:
        return None
    with tempfile.TemporaryDirectory(prefix="shoal-base-") as scratch:
        # A throwaway bare repository that borrows the objects, read only: git never reads the
        # scanned repository's own config (core.fsmonitor and friends), as in source.py.
        subprocess.run(["git", "init", "-q", "--bare", scratch], check=True, capture_output=True,
                       timeout=_GIT_TIMEOUT, env=_ENV)
        objects = Path(scratch, "objects")
        if spec.kind == "local":
            found = [d for d in (spec.path / ".git" / "objects", spec.path / "objects") if d.is_dir()]
            if not found:
                return None
            (objects / "info" / "alternates").write_text(str(found[0].resolve()) + "\n")
        else:
            packs = sorted(cache_root(workspace).joinpath(cache_key(spec.location)).glob("pack-*.pack"))
            for pack in packs:
                for path in (pack, pack.with_suffix(".idx")):
                    if path.exists():
                        os.symlink(path, objects / "pack" / path.name)
        return _cat_files(["git", "--git-dir", scratch], commit, paths)


def _cat_files(git: list[str], commit: str, paths: list[str]) -> dict[str, bytes] | None:
    """`git cat-file --batch` of <commit>:<path>; None when the commit itself is missing."""
    try:
        probe = subprocess.run([*git, "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True,
                               timeout=_GIT_TIMEOUT, env=_ENV)
        if probe.returncode != 0:
            return None
        request = "".join(f"{commit}:{path}\n" for path in paths).encode()
        done = subprocess.run([*git, "cat-file", "--batch"], input=request, capture_output=True,
                              timeout=_GIT_TIMEOUT, env=_ENV, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return _parse_batch(done.stdout, paths)


def _parse_batch(output: bytes, paths: list[str]) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    at = 0
    for path in paths:
        newline = output.find(b"\n", at)
        if newline < 0:
            break
        header = output[at:newline].split()
        at = newline + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # "<name> missing": not a file at the merge base
        size = int(header[2])
        if size <= _MAX_BLOB_BYTES:
            blobs[path] = output[at:at + size]
        at += size + 1
    return blobs
