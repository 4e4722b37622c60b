"""The plan Lambda would run for the 100,000-file repository of `make bench-scale`: with the
template's own MaxPartitions and agent Timeout, every agent is estimated (the planner's
conservative Lambda cost model) well inside its timeout. The measured step times are the
benchmark's (docs/benchmarks.md); this checks the plan, which decides the agents' share."""

from __future__ import annotations

from shoal.languages import TEXT, detect_language
from shoal.models import SourceFile
from shoal.scan.planning import partition_seconds, plan_partitions, time_cap, time_warnings
from tests.benchmarks import generated_repo
from tests.benchmarks.scale_bench import lambda_limits

FILES = 100_000


def _inventory(count: int) -> list[SourceFile]:
    """The generated repository's files as the inventory lists them (language by path, size)."""
    listed = []
    for path, content in generated_repo.files(count):
        language = detect_language(path) or TEXT
        listed.append(SourceFile(path, language, len(content)))
    return listed


def test_the_template_limits_are_read_from_the_template() -> None:
    limits = lambda_limits()
    assert limits["agent_timeout"] == limits["orchestrator_timeout"] == 900
    assert limits["agent_memory_mb"] >= 1769 and limits["max_partitions"] >= 1
    assert 512 <= limits["ephemeral_mb"] <= 10240


def test_every_agent_of_the_100000_file_plan_fits_a_third_of_the_agent_timeout() -> None:
    limits = lambda_limits()
    files = _inventory(FILES)
    assert {f.language for f in files} >= {"python", "javascript", "typescript", "java", "go", "c", "cpp", "ruby",
                                           "php", "rust", TEXT}
    parts = plan_partitions(files, max_partitions=limits["max_partitions"], agent_timeout=limits["agent_timeout"])
    assert len(parts) <= limits["max_partitions"]
    assert sum(len(p.files) for p in parts) == FILES
    assert time_warnings(parts, limits["agent_timeout"]) == []
    slowest = max(partition_seconds(p) for p in parts)
    assert slowest <= time_cap(limits["agent_timeout"])
