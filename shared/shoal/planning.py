"""Splitting the inventory into partitions of roughly equal analysis cost, deterministically.

Cost is bytes plus a fixed per-file charge: opening, parsing and writing results for a file
costs something however small it is, so a folder of ten thousand tiny files must not land in
one partition. The split is the classic longest-processing-time-first greedy (biggest job to the
least loaded bin), which is within 4/3 of the optimal makespan and, with ties broken by path and
bin index, gives the same plan for the same input on every run: a retried plan step must
produce the same partitions.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from shoal.errors import InputError
from shoal.languages import TEXT
from shoal.models import Partition, SourceFile

DEFAULT_MIN_PARTITION_BYTES = 256 * 1024
PER_FILE_COST = 4096  # bytes-equivalent of the fixed work each file costs


# Text files are only searched for secrets, which costs a fraction of parsing the same bytes.
TEXT_BYTES_DIVISOR = 8


def file_cost(file: SourceFile) -> int:
    size = max(file.bytes, 0)
    if file.language == TEXT:
        size //= TEXT_BYTES_DIVISOR
    return size + PER_FILE_COST


def partition_cost(partition: Partition) -> int:
    return sum(file_cost(f) for f in partition.files)


def partition_count(
    files: Sequence[SourceFile], *, max_partitions: int, min_partition_bytes: int
) -> int:
    """How many partitions: enough that each holds about `min_partition_bytes`, within bounds.

    Never more partitions than files either: an empty partition is an agent invocation for nothing.
    """
    if not files:
        return 0
    total = sum(file_cost(f) for f in files)
    wanted = math.ceil(total / min_partition_bytes)
    return max(1, min(max_partitions, wanted, len(files)))


def plan_partitions(
    files: Sequence[SourceFile],
    *,
    max_partitions: int,
    min_partition_bytes: int = DEFAULT_MIN_PARTITION_BYTES,
) -> tuple[Partition, ...]:
    """Balanced, deterministic partitions `p0000`, `p0001`, ... (none for no files)."""
    if max_partitions < 1:
        raise InputError(f"max_partitions is {max_partitions}: it must be at least 1")
    if min_partition_bytes < 1:
        raise InputError(f"min_partition_bytes is {min_partition_bytes}: it must be at least 1")
    count = partition_count(
        files, max_partitions=max_partitions, min_partition_bytes=min_partition_bytes
    )
    if count == 0:
        return ()
    bins = _greedy(files, count)
    # Ids follow the bins' first paths, so they do not depend on how the heap happened to order
    # equal loads, only on the plan's content.
    ordered = sorted((sorted(b, key=_file_key) for b in bins), key=lambda b: _file_key(b[0]))
    return tuple(
        Partition(id=f"p{index:04d}", files=tuple(members)) for index, members in enumerate(ordered)
    )


def _file_key(file: SourceFile) -> tuple[str, str, int]:
    return (file.path, file.language, file.bytes)


def _greedy(files: Sequence[SourceFile], count: int) -> list[list[SourceFile]]:
    bins: list[list[SourceFile]] = [[] for _ in range(count)]
    heap = [(0, index) for index in range(count)]  # (load, bin index): index breaks ties
    for file in sorted(files, key=lambda f: (-file_cost(f), *_file_key(f))):
        load, index = heapq.heappop(heap)
        bins[index].append(file)
        heapq.heappush(heap, (load + file_cost(file), index))
    return bins
