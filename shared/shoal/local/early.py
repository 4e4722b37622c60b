"""Work the local engine starts in a worker before the orchestrator asks for it.

The orchestrator's first quarter second goes to importing the durable runner and the SDK, while
the agent workers have nothing to do; and it waits while they run, then reads every shard at once. For a fresh scan, the first worker checks the repository
out (shoal.source.acquisition) and inventories the export, before its warm-up. The checkout and plan
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

from shoal.scan.prepared import checkout_key, inventory_key, offer, shard_key, withdraw
from shoal.source.acquisition import Source
from shoal.source.inventory import InventoryOptions, inventory_of

if TYPE_CHECKING:
    from shoal.source.acquisition import Acquired
    from shoal.config import Settings
    from shoal.source.inventory import Inventory
    from shoal.request import ScanRequest
    from shoal.local.workers import WorkerPool


def take_claim(path: str) -> bool:
    """Create `path` unless it exists: True for the one process (or thread) that created it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    except FileNotFoundError:
        return False  # the claims' folder is gone: the scan ended (or was interrupted), nobody may start
    return True


class _Claimed:
    """Work made by whoever creates the file `claim` first: a worker, or the step itself when the
    worker has not begun."""

    claim: str

    def take(self) -> bool:
        return take_claim(self.claim)


@dataclass(frozen=True)
class EarlyInventory(_Claimed):
    """The plan's inventory of the tree an early checkout exported."""

    src: str
    options: InventoryOptions
    claim: str


@dataclass(frozen=True)
class EarlyCheckout(_Claimed):
    """The checkout step's work for a scan."""

    source: Source
    settings: Settings
    claim: str


def checkout_early(job: EarlyCheckout) -> Acquired | None:
    """A worker's checkout for the checkout step; None if the step took the claim first."""
    from shoal.source.acquisition import acquire
    from shoal.stepfigures import measured

    if not job.take():
        return None
    with measured("checkout", "early-worker"):
        return acquire(job.source, job.settings)


def inventory_early(job: EarlyInventory) -> Inventory | None:
    """A worker's inventory for the plan; None if the plan took the claim first."""
    from shoal.stepfigures import measured

    if not job.take():
        return None
    with measured("inventory", "early-worker"):
        return inventory_of(Path(job.src), job.options)


# --------------------------------------------------------------------------- the local engine's side


@dataclass(frozen=True)
class ScanWork:
    checkout: EarlyCheckout
    listing: EarlyInventory

    def jobs(self) -> list[tuple[Callable[[Any], Any], Any]]:
        """The first worker's first jobs: the checkout, then its inventory, both before the warm-up."""
        return [(checkout_early, self.checkout), (inventory_early, self.listing)]


@contextmanager
def scan_work(request: ScanRequest | None, settings: Settings, dest: str, wanted: bool) -> Iterator[ScanWork | None]:
    """What a fresh scan into `dest` can start early, with a private folder for its claims. None
    when the engine should leave the steps alone: a resumed scan (its checkout may be done), or
    scans claimed through the workspace, where the claim step may find the scan is another
    execution's and must then leave its folder untouched."""
    if not wanted or settings.claim_scans or request is None:
        yield None
        return
    source = Source(request.scan_id, request.repository, request.ref, request.base)
    with tempfile.TemporaryDirectory(prefix="shoal-early-") as claims:
        options = InventoryOptions.from_settings(settings)
        yield ScanWork(
            checkout=EarlyCheckout(source, settings, os.path.join(claims, "checkout")),
            listing=EarlyInventory(dest, options, os.path.join(claims, "inventory")),
        )


class Offers:
    """The first worker's checkout, offered to the checkout step; then its inventory, offered to
    the plan (before the checkout is handed over, so a plan that follows the checkout finds it).
    Withdrawn when the workers stop, and never offered after that."""

    def __init__(self, pool: WorkerPool, work: ScanWork, timeout: float) -> None:
        self._lock = threading.Lock()
        self._keys: list[Hashable] = []
        self._closed = False
        acquired: Future[Any] = Future()
        listed: Future[Any] = Future()

        def collect() -> None:
            try:
                made = pool.first_result(timeout)
            except BaseException as exc:  # noqa: BLE001 - the checkout step does the work then
                made = None
                acquired.set_exception(exc)
            if made is not None:
                key = inventory_key(work.listing.src, made.result.commit, work.listing.options)
                self._offer(key, lambda: None if work.listing.take() else listed.result())
                acquired.set_result(made)
            else:
                work.listing.take()  # no checkout of the worker's, so no inventory of it: the worker skips it
                if not acquired.done():
                    acquired.set_result(None)
            _settle(listed, lambda: pool.first_result(timeout))  # and the worker joins the idle ones
            _wake_for(pool, listed, work.checkout.settings)

        threading.Thread(target=collect, name="shoal-early-work", daemon=True).start()
        job = work.checkout
        self._offer(checkout_key(work.listing.src), lambda: (job, None if job.take() else acquired.result()))

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


def _wake_for(pool: WorkerPool, listed: Future[Any], settings: Settings) -> None:
    """Wake as many parked workers as the inventory's partitions will keep busy: now, their warm-up
    overlaps the orchestrator's checkout and plan steps, where at the agents' first calls it
    delayed every worker's first partition but the first one's."""
    from shoal.scan.planning import partition_count

    inventory = listed.result() if listed.done() and listed.exception() is None else None
    if inventory is None:
        return  # the plan makes the inventory itself: workers start as calls need them
    partitions = partition_count(inventory.files, max_partitions=settings.max_partitions,
                                 min_partition_bytes=settings.min_partition_bytes, agent_timeout=settings.agent_timeout)
    pool.wake(partitions - 1)


def _settle(future: Future[Any], work: Callable[[], Any]) -> None:
    try:
        future.set_result(work())
    except BaseException as exc:  # noqa: BLE001 - whoever waits for the future gets it
        future.set_exception(exc)


class ShardReader:
    """Reads each shard as its agent returns, on one thread of this process, and offers it to the
    merge (shoal.scan.prepared.take_shard): the merge's reading and parsing of the shards (0.2 s
    of CPU on Django, most of it orjson and FileMetrics.from_dict) moves from after the last agent,
    when it is all the scan does, to while the other agents run. What cannot be read is left to
    the merge, which reads it again and reports the error in its own words."""

    def __init__(self, workspace: str) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._workspace = Path(workspace)
        self._reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shoal-shards")
        self._keys: list[Hashable] = []
        self._lock = threading.Lock()
        self._closed = False

    def returned(self, payload: dict[str, Any], answer: Any) -> None:
        """An agent for `payload` returned `answer` (its ShardRef as a dict): read that shard."""
        from shoal.errors import ShoalError
        from shoal.workspace import ScanPaths

        try:
            path = str(ScanPaths(self._workspace, str(payload["scan_id"])).resolve(str(answer["shard"])))
            key = shard_key(path, str(answer["sha256"]))
        except (ShoalError, KeyError, TypeError):
            return  # a malformed answer: the orchestrator rejects it, and nothing is offered
        with self._lock:
            if self._closed:
                return
            read = self._reads.submit(_read_shard, path, str(answer["sha256"]))
            self._keys.append(key)
            offer(key, read.result)

    def close(self) -> None:
        """Withdraw what the merge did not take, and stop reading."""
        with self._lock:
            self._closed = True
            for key in self._keys:
                withdraw(key)
        self._reads.shutdown(wait=False, cancel_futures=True)


def _read_shard(path: str, sha256: str) -> tuple[Any, ...]:
    from shoal.scan.agent import read_shard_with_secrets
    from shoal.workspace import read_verified

    return read_shard_with_secrets(read_verified(Path(path), sha256))
