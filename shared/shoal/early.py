"""Work the local engine starts in a worker before the orchestrator asks for it.

The orchestrator's first quarter second goes to importing the durable runner and the SDK, while
the agent workers have nothing to do. For a fresh scan of a plain folder, the first worker copies
the folder (shoal.source.EarlyCopy) and inventories the copy, before its warm-up. The checkout and plan
steps take these results when they were made for exactly their inputs, and otherwise do the work
themselves; a claim file says who makes each, so neither a step nor a worker waits for work not
begun. Each offer is taken at most once, so a retried step works as before; and a step that
takes one returns what it would have computed, so no checkpoint depends on it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shoal.errors import ShoalError

if TYPE_CHECKING:
    from shoal.config import Settings
    from shoal.inventory import Inventory
    from shoal.repoconfig import RepoConfig
    from shoal.source import EarlyCopy
    from shoal.workers import WorkerPool

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


# --------------------------------------------------------------------------- the local engine's side


@dataclass(frozen=True)
class PlainFolderWork:
    copy: EarlyCopy
    listing: EarlyInventory

    def jobs(self) -> list[tuple[Callable[[Any], Any], Any]]:
        """The first worker's first jobs: the copy, then its inventory, both before the warm-up."""
        from shoal.source import copy_early

        return [(copy_early, self.copy), (inventory_early, self.listing)]


@contextmanager
def plain_folder_work(repository: str, dest: str, settings: Settings, wanted: bool) -> Iterator[PlainFolderWork | None]:
    """What a fresh full scan of a plain folder into `dest` can start early, with a private folder
    for its claims; None for anything else (a git repository, a ref, a diff, a resumed scan),
    whose steps are left as they are."""
    from shoal import source

    try:
        spec = source.parse_repository(repository, settings.allowed_hosts) if wanted else None
    except ShoalError:
        spec = None
    if spec is None or not source.is_plain_directory(spec):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="shoal-early-") as claims:
        options = InventoryOptions(max_file_bytes=settings.max_file_bytes, text_files=settings.security)
        yield PlainFolderWork(
            copy=source.EarlyCopy(str(spec.path), dest, os.path.join(claims, "copy")),
            listing=EarlyInventory(dest, options, os.path.join(claims, "inventory")),
        )


class Offers:
    """The first worker's copy, offered to the checkout; then its inventory, offered to the plan
    (before the copy is handed over, so a plan that follows the checkout finds it). Withdrawn
    when the workers stop, and never offered after that."""

    def __init__(self, pool: WorkerPool, work: PlainFolderWork, timeout: float) -> None:
        from shoal import source

        self._lock = threading.Lock()
        self._keys: list[Hashable] = [source.early_copy_key(work.copy.repository, work.copy.dest)]
        self._closed = False
        copied: Future[Any] = Future()
        listed: Future[Any] = Future()

        def collect() -> None:
            try:
                made = pool.first_result(timeout)
            except BaseException as exc:  # noqa: BLE001 - the checkout copies for itself then
                made = None
                copied.set_exception(exc)
            if made is not None:
                key = inventory_key(work.copy.dest, made.tree_id, work.listing.options)
                self._offer(key, lambda: None if work.listing.take() else listed.result())
                copied.set_result(made)
            else:
                work.listing.take()  # no copy of the worker's, so no inventory of it: the worker skips it
                if not copied.done():
                    copied.set_result(None)
            _settle(listed, lambda: pool.first_result(timeout))  # and the worker joins the idle ones

        threading.Thread(target=collect, name="shoal-early-work", daemon=True).start()
        source.offer_early_copy(work.copy, copied.result)

    def _offer(self, key: Hashable, result: Callable[[], Any]) -> None:
        with self._lock:
            if not self._closed:
                self._keys.append(key)
                offer(key, result)

    def withdraw(self) -> None:
        with self._lock:
            self._closed = True
            for key in self._keys:
                withdraw(key)


def _settle(future: Future[Any], work: Callable[[], Any]) -> None:
    try:
        future.set_result(work())
    except BaseException as exc:  # noqa: BLE001 - whoever waits for the future gets it
        future.set_exception(exc)
