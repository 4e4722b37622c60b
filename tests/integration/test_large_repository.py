"""A repository of tens of thousands of generated files: partitions, checkpoints and the
orchestrator's memory stay bounded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FILES = 20_000
MAX_PARTITIONS = 8
CHECKPOINT_LIMIT = 64 * 1024
ORCHESTRATOR_LIMIT_MB = 400  # documented bound; measured figure printed below

SCRIPT = """
import json, sys
if __name__ == "__main__":
    repo, workspace, partitions, root = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    sys.path.insert(0, root)
    from shoal.local.engine import LocalEngine
    from tests.helpers import peak_rss_mb
    engine = LocalEngine(2, {"SHOAL_WORKSPACE": workspace, "POWERTOOLS_LOG_LEVEL": "WARNING"})
    event = {"scan_id": "large", "repository": repo,
             "options": {"workspace": workspace, "max_partitions": partitions, "max_concurrency": partitions}}
    summary = engine.run(event, "shoal-agent")
    sizes = {op.name: len(op.result.encode()) for op in engine.last_operations if getattr(op, "result", None)}
    print(json.dumps({"summary": summary, "largest_checkpoint": max(sizes.values()),
                      "rss_mb": round(peak_rss_mb())}))
"""


def test_many_files_keep_partitions_checkpoints_and_memory_bounded(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for i in range(FILES):
        folder = repo / f"pkg{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"mod{i:05d}.py").write_text(f"def f{i}(x):\n    if x:\n        return {i}\n    return x\n")
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(script), str(repo), str(tmp_path / "ws"), str(MAX_PARTITIONS), str(root)],
        capture_output=True, text=True, timeout=900, cwd=root,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    summary = measured["summary"]
    print(f"{FILES} files: {summary['partitions']} partitions, largest checkpoint "
          f"{measured['largest_checkpoint']} bytes, orchestrator peak RSS {measured['rss_mb']} MB")
    assert summary["files"] == FILES
    assert summary["partitions"] == MAX_PARTITIONS
    assert measured["largest_checkpoint"] < CHECKPOINT_LIMIT
    assert measured["rss_mb"] < ORCHESTRATOR_LIMIT_MB
