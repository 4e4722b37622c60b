"""Results made ahead of a step for exactly its inputs, which the step takes instead of redoing them.

In Lambda nothing is ever offered, so every step does its own work. The local engine offers the
checkout and the inventory a worker made while the orchestrator was still importing, and each shard
read as soon as its agent returned, while the other agents still ran (shoal.local.early);
a step takes an offer at most once, and one that is missing, made for other inputs or failed is
simply not used: the step then does the work, and its checkpoint never depends on an offer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from shoal.source.acquisition import Acquired
from shoal.source.inventory import Inventory

if TYPE_CHECKING:
    from shoal.config import Settings
    from shoal.source.acquisition import Source
    from shoal.source.inventory import InventoryOptions


_offers: dict[Hashable, Callable[[], Any]] = {}


def offer(key: Hashable, result: Callable[[], Any]) -> None:
    """`result()` gives (or waits for) what was made for `key`, or raises what making it raised."""
    _offers[key] = result


def withdraw(key: Hashable) -> None:
    _offers.pop(key, None)


def take(key: Hashable) -> Callable[[], Any] | None:
    return _offers.pop(key, None)


def inventory_key(src: str, tree: str, options: InventoryOptions) -> Hashable:
    """The plan's inventory of `src` when it holds `tree` (the checkout's commit or tree id)."""
    return ("inventory", src, tree, options)


def checkout_key(dest: str) -> Hashable:
    """One early checkout per scan folder: keyed by where it writes, so a checkout step with other
    inputs still waits for it to end before writing there itself."""
    return ("checkout", dest)


def take_checkout(source: Source, settings: Settings, dest: str) -> Acquired | None:
    """The checkout step's side: what a worker made for exactly this checkout, if anything."""
    taken = _taken(checkout_key(dest))
    if taken is None:
        return None
    job, made = taken
    fits = job.source == source and job.settings == settings and isinstance(made, Acquired)
    return made if fits else None


def take_inventory(src: str, tree: str, options: InventoryOptions) -> Inventory | None:
    """The plan step's side: the inventory a worker made of this very tree, if any."""
    made = _taken(inventory_key(src, tree, options))
    return made if isinstance(made, Inventory) else None


def shard_key(path: str, sha256: str) -> Hashable:
    """A shard as its agent reported it: the resolved path and the hash the agent returned."""
    return ("shard", path, sha256)


def take_shard(path: str, sha256: str) -> tuple[Any, ...] | None:
    """The merge's side: read_shard_with_secrets of the shard at `path`, read while the other
    agents ran and checked against `sha256`, if anything was offered for it."""
    made = _taken(shard_key(path, sha256))
    return made if isinstance(made, tuple) else None


def _taken(key: Hashable) -> Any:
    result = take(key)
    if result is None:
        return None
    try:
        return result()
    except Exception:  # noqa: BLE001 - a worker that failed or died: the step does the work and reports
        return None
