"""Splitting the inventory into partitions of roughly equal analysis cost, deterministically.

Cost is bytes plus a fixed per-file charge: opening, parsing and writing results for a file
costs something however small it is, so a folder of ten thousand tiny files must not land in
one partition. The split is the classic longest-processing-time-first greedy (biggest job to the
least loaded bin), which is within 4/3 of the optimal makespan and, with ties broken by path and
bin index, gives the same plan for the same input on every run: a retried plan step must
produce the same partitions.

Given the agent timeout, the plan also sizes partitions from a time estimate, so that an agent
finishes well inside it: no partition of several files is estimated past a third of the timeout
(more partitions are made, up to max_partitions, which bounds the fan-out). What still does not
fit is said in the plan's warnings: a single file that alone is over relies on the parse budget.
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


# The cost model: CPU seconds of analysis (parse, rules, metrics, secrets) per byte, by language,
# measured on this machine with
#   python tests/benchmarks/cost_model.py .bench/corpora/django-5.2.19 /usr/lib/node_modules/npm \
#       /root/.pyenv/versions/3.11.7/include/python3.11 /usr/lib/google-cloud-sdk/platform/google_appengine/php/sdk
# which printed (us per KB): python 339.4 (17.3 MB), php 312.8, c 236.8, javascript 677.5 (Django's
# vendored scripts), text 9.3; a file under 1 KB took 55 us. Rounded up here; languages with no
# corpus on this machine take the slowest measured rate.
SECONDS_PER_BYTE: dict[str, float] = {
    "python": 3.4e-7,
    "php": 3.1e-7,
    "c": 2.4e-7,
    "javascript": 6.7e-7,
    TEXT: 1.0e-8,
}
UNMEASURED_SECONDS_PER_BYTE = max(SECONDS_PER_BYTE.values())
# Per file: 55 us measured on a local disk, 1 ms allowed for opening it on the S3 Files mount.
SECONDS_PER_FILE = 1e-3
# An agent at 1769 MB has one vCPU; this machine's core is counted twice as fast, to be safe.
LAMBDA_SLOWDOWN = 2.0
# The share of the agent timeout a partition may be planned to use.
TIME_SHARE = 1 / 3


def estimated_seconds(file: SourceFile) -> float:
    """Conservative seconds an agent in Lambda spends on this file."""
    rate = SECONDS_PER_BYTE.get(file.language, UNMEASURED_SECONDS_PER_BYTE)
    return LAMBDA_SLOWDOWN * (SECONDS_PER_FILE + max(file.bytes, 0) * rate)


def partition_seconds(partition: Partition) -> float:
    return sum(estimated_seconds(f) for f in partition.files)


def time_cap(agent_timeout: float) -> float:
    return agent_timeout * TIME_SHARE


def file_cost(file: SourceFile) -> int:
    size = max(file.bytes, 0)
    if file.language == TEXT:
        size //= TEXT_BYTES_DIVISOR
    return size + PER_FILE_COST


def partition_cost(partition: Partition) -> int:
    return sum(file_cost(f) for f in partition.files)


def partition_count(
    files: Sequence[SourceFile], *, max_partitions: int, min_partition_bytes: int, agent_timeout: float | None = None
) -> int:
    """How many partitions: enough that each holds about `min_partition_bytes`, and that their
    estimated time fits the agent timeout's share, within bounds.

    Never more partitions than files either: an empty partition is an agent invocation for nothing.
    """
    if not files:
        return 0
    total = sum(file_cost(f) for f in files)
    wanted = math.ceil(total / min_partition_bytes)
    if agent_timeout is not None:
        wanted = max(wanted, math.ceil(sum(estimated_seconds(f) for f in files) / time_cap(agent_timeout)))
    return max(1, min(max_partitions, wanted, len(files)))


def plan_partitions(
    files: Sequence[SourceFile],
    *,
    max_partitions: int,
    min_partition_bytes: int = DEFAULT_MIN_PARTITION_BYTES,
    agent_timeout: float | None = None,
) -> tuple[Partition, ...]:
    """Balanced, deterministic partitions `p0000`, `p0001`, ... (none for no files); with the
    agent timeout, sized so that none of several files is estimated past its share."""
    if max_partitions < 1:
        raise InputError(f"max_partitions is {max_partitions}: it must be at least 1")
    if min_partition_bytes < 1:
        raise InputError(f"min_partition_bytes is {min_partition_bytes}: it must be at least 1")
    count = partition_count(
        files, max_partitions=max_partitions, min_partition_bytes=min_partition_bytes, agent_timeout=agent_timeout
    )
    if count == 0:
        return ()
    bins = _greedy(files, count)
    if agent_timeout is not None:
        # Bins balance bytes, not time: add partitions while one of several files is over.
        cap = time_cap(agent_timeout)
        while count < min(max_partitions, len(files)) and any(_over(b, cap) for b in bins):
            count += 1
            bins = _greedy(files, count)
    # Ids follow the bins' first paths, so they do not depend on how the heap happened to order
    # equal loads, only on the plan's content.
    ordered = sorted((sorted(b, key=_file_key) for b in bins), key=lambda b: _file_key(b[0]))
    return tuple(
        Partition(id=f"p{index:04d}", files=tuple(members)) for index, members in enumerate(ordered)
    )


def time_warnings(partitions: Sequence[Partition], agent_timeout: float) -> list[str]:
    """What the plan could not fit in the agent timeout's share, for the report."""
    cap = time_cap(agent_timeout)
    warnings = []
    for partition in partitions:
        seconds = partition_seconds(partition)
        if seconds <= cap:
            continue
        budget = f"over the {cap:g} s planned per agent ({TIME_SHARE:.2g} of the {agent_timeout:g} s agent timeout)"
        if len(partition.files) == 1:
            warnings.append(
                f"partition {partition.id}: {partition.files[0].path} alone is estimated at {seconds:.0f} s, "
                f"{budget}: it relies on the parse budget"
            )
        else:
            warnings.append(
                f"partition {partition.id} ({len(partition.files)} files) is estimated at {seconds:.0f} s, {budget}: "
                f"max_partitions ({len(partitions)}) is too few for this repository, raise SHOAL_MAX_PARTITIONS"
            )
    return warnings


def _over(files: Sequence[SourceFile], cap: float) -> bool:
    return len(files) > 1 and sum(estimated_seconds(f) for f in files) > cap


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
