"""Work the local engine starts in a worker before the orchestrator asks for it.

The orchestrator's first quarter second goes to importing the durable runner and the SDK, while
the agent workers have nothing to do. For a fresh scan of a plain folder, the first worker copies
the folder (shoal.source.EarlyCopy), then a worker inventories the copy. The checkout and plan
steps take these results when they were made for exactly their inputs, and otherwise do the work
themselves; a claim file says who makes each, so neither a step nor a worker waits for work not
begun. Each offer is taken at most once, so a retried step works as before; and a step that
takes one returns what it would have computed, so no checkpoint depends on it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shoal.inventory import Inventory
    from shoal.repoconfig import RepoConfig

_offers: dict[Hashable, Callable[[], Any]] = {}


def offer(key: Hashable, result: Callable[[], Any]) -> None:
    """`result()` gives (or waits for) what was made for `key`, or raises what making it raised."""
    _offers[key] = result


def withdraw(key: Hashable) -> None:
    _offers.pop(key, None)


def take(key: Hashable) -> Callable[[], Any] | None:
    return _offers.pop(key, None)


@dataclass(frozen=True)
class InventoryOptions:
    """What a scan's plan inventories with, besides the tree and its own .shoal.toml."""

    max_file_bytes: int
    text_files: bool  # a security scan also searches text files for secrets


def inventory_key(src: str, tree: str, options: InventoryOptions) -> Hashable:
    """The plan's inventory of `src` when it holds `tree` (the checkout's commit or tree id)."""
    return ("inventory", src, tree, options)


@dataclass(frozen=True)
class EarlyInventory:
    """The plan's inventory of a tree an early copy made. Like the copy, it is made by whoever
    creates `claim` first: a worker, or the plan itself if the worker has not begun."""

    src: str
    options: InventoryOptions
    claim: str

    def take(self) -> bool:
        return take_claim(self.claim)


def take_claim(path: str) -> bool:
    """Create `path` unless it exists: True for the one process (or thread) that created it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    return True


def inventory_early(job: EarlyInventory) -> Inventory | None:
    """A worker's inventory for the plan; None if the plan took the claim first."""
    return inventory(Path(job.src), job.options) if job.take() else None


def inventory(src: Path, options: InventoryOptions, repo: RepoConfig | None = None) -> Inventory:
    """The plan's inventory of an exported tree, as its .shoal.toml (`repo`, read if not given)
    configures it."""
    from shoal.inventory import build_inventory
    from shoal.repoconfig import load_repo_config

    repo = repo if repo is not None else load_repo_config(src)
    return build_inventory(
        src,
        max_file_bytes=options.max_file_bytes,
        include=repo.include,
        extra_excludes=repo.exclude,
        text_files=options.text_files,
    )
