from __future__ import annotations

import random

import pytest

from shoal.errors import InputError
from shoal.models import Partition, SourceFile
from shoal.scan.planning import PER_FILE_COST, file_cost, partition_cost, plan_partitions


def _realistic(count: int, seed: int = 7) -> list[SourceFile]:
    # Source file sizes are roughly log-normal: many small files, a long tail of big ones.
    rng = random.Random(seed)
    return [
        SourceFile(path=f"pkg{i % 37}/mod_{i:05d}.py", language="python",
                   bytes=min(int(rng.lognormvariate(8, 1.3)), 1_048_576))
        for i in range(count)
    ]


def _all_files(parts: tuple[Partition, ...]) -> list[SourceFile]:
    return sorted((f for p in parts for f in p.files), key=lambda f: f.path)


def test_empty_input_gives_no_partitions() -> None:
    assert plan_partitions([], max_partitions=8) == ()


def test_small_input_gives_one_partition() -> None:
    files = [SourceFile("b.py", "python", 10), SourceFile("a.py", "python", 20)]
    parts = plan_partitions(files, max_partitions=8)
    assert len(parts) == 1
    assert parts[0].id == "p0000"
    assert [f.path for f in parts[0].files] == ["a.py", "b.py"]


def test_every_file_exactly_once_and_sorted_within_partitions() -> None:
    files = _realistic(3000)
    parts = plan_partitions(files, max_partitions=16)
    assert _all_files(parts) == sorted(files, key=lambda f: f.path)
    for part in parts:
        assert [f.path for f in part.files] == sorted(f.path for f in part.files)
    assert [p.id for p in parts] == [f"p{i:04d}" for i in range(len(parts))]


@pytest.mark.parametrize("count", [200, 3000, 20000])
def test_balanced_on_realistic_sizes(count: int) -> None:
    parts = plan_partitions(_realistic(count), max_partitions=16)
    costs = [partition_cost(p) for p in parts]
    assert max(costs) / min(costs) < 1.1


def test_count_follows_total_cost_and_bounds() -> None:
    files = _realistic(3000)
    total = sum(file_cost(f) for f in files)
    small_min = plan_partitions(files, max_partitions=10_000, min_partition_bytes=total // 5)
    assert len(small_min) == 6  # ceil(total / (total // 5))
    assert len(plan_partitions(files, max_partitions=4)) == 4
    assert len(plan_partitions(files, max_partitions=1)) == 1


def test_never_more_partitions_than_max_or_files() -> None:
    many_tiny = [SourceFile(f"f{i:06d}.py", "python", 1) for i in range(50_000)]
    assert len(plan_partitions(many_tiny, max_partitions=32)) == 32
    two_huge = [SourceFile("a.py", "python", 10**9), SourceFile("b.py", "python", 10**9)]
    assert len(plan_partitions(two_huge, max_partitions=64)) == 2


def test_tiny_files_are_not_free() -> None:
    tiny = [SourceFile(f"t{i:05d}.py", "python", 0) for i in range(1000)]
    parts = plan_partitions(tiny, max_partitions=64, min_partition_bytes=256 * 1024)
    assert len(parts) == -(-1000 * PER_FILE_COST // (256 * 1024))
    sizes = [len(p.files) for p in parts]
    assert max(sizes) - min(sizes) <= 1


def test_deterministic_whatever_the_input_order() -> None:
    files = _realistic(2000)
    # Equal sizes force tie-breaking to matter.
    files += [SourceFile(f"same/{i:03d}.py", "python", 5000) for i in range(100)]
    expected = plan_partitions(files, max_partitions=12)
    shuffled = list(files)
    random.Random(1).shuffle(shuffled)
    assert plan_partitions(shuffled, max_partitions=12) == expected
    assert plan_partitions(tuple(reversed(files)), max_partitions=12) == expected


def test_partitions_round_trip_as_dicts() -> None:
    for part in plan_partitions(_realistic(500), max_partitions=4):
        assert Partition.from_dict(part.to_dict()) == part


@pytest.mark.parametrize("bad", [0, -1])
def test_invalid_bounds_are_refused(bad: int) -> None:
    with pytest.raises(InputError):
        plan_partitions(_realistic(10), max_partitions=bad)
    with pytest.raises(InputError):
        plan_partitions(_realistic(10), max_partitions=4, min_partition_bytes=bad)
