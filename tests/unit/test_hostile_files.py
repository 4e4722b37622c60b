"""Source files built to hurt a scanner: deep nesting, one enormous line, bytes that are not
UTF-8, binary content behind a source extension. Each is analysed or skipped with a reason, and
the agent's memory stays bounded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shoal.scan.agent import AgentTask, run_agent
from shoal.config import Settings
from shoal.scan.pipeline import ScanRequest, checkout_stage, plan_stage

DEPTH = 100_000
HOSTILE = {
    "deep.py": b"x = " + b"[" * DEPTH + b"]" * DEPTH + b"\n",
    "deep.js": b"function f() {\n" + b"{\n" * DEPTH + b"}\n" * DEPTH + b"}\n",  # one line would be "minified"
    "minified.js": b"var a=" + b"[" * DEPTH + b"]" * DEPTH + b";\n",
    "deep.c": b"int f(void) { return " + b"(" * DEPTH + b"1" + b")" * DEPTH + b"; }\n",
    "long_line.py": b"data = '" + b"A" * 900_000 + b"'\n",
    "latin1.py": "def f():\n    return 'caf\u00e9'\n".encode("latin-1") + b"\xff\xfe\x80garbage\n",
    "binary.py": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40,
    "fine.py": b"def ok(a):\n    return a\n",
    "ten_mb_line.py": b"data = '" + b"A" * 10_000_000 + b"'\n",  # past the default 1 MB cap
}
# A documented bound for one agent analysing all of the above (measured: see the test output).
MEMORY_LIMIT_MB = 400


def scan(tmp_path: Path, files: dict[str, bytes] = HOSTILE, **limits: int) -> tuple[dict, Path]:
    src = tmp_path / "repo"
    src.mkdir()
    for name, data in files.items():
        (src / name).write_bytes(data)
    settings = Settings(workspace=str(tmp_path / "ws"), max_partitions=1, **limits)
    checkout_stage(ScanRequest.from_event({"scan_id": "h", "repository": str(src)}), settings)
    plan = plan_stage("h", settings)
    assert len(plan.partitions) == 1
    task = AgentTask("h", plan.plan, plan.sha256, plan.partitions[0], settings.thresholds)
    shard = run_agent(task, tmp_path / "ws")
    return json.loads((tmp_path / "ws" / shard.shard).read_bytes()), tmp_path / "ws" / "scans" / "h"


def test_hostile_files_are_analysed_or_skipped_with_a_reason(tmp_path: Path) -> None:
    shard, folder = scan(tmp_path)
    analysed = {f["path"]: f for f in shard["files"]}
    assert {"deep.py", "deep.js", "deep.c", "long_line.py", "latin1.py", "fine.py"} <= set(analysed)
    assert analysed["fine.py"]["functions"][0]["name"] == "ok"
    assert analysed["latin1.py"]["functions"][0]["name"] == "f"
    assert analysed["latin1.py"]["bytes"] == len(HOSTILE["latin1.py"])
    assert any("latin1.py: not valid UTF-8" in d for d in shard["diagnostics"])
    exclusions = {e["path"]: e["reason"] for e in json.loads((folder / "plan.json").read_bytes())["exclusions"]}
    assert exclusions["binary.py"] == "binary"
    assert exclusions["minified.js"] == "minified"
    assert exclusions["ten_mb_line.py"] == "too-large"


def test_a_ten_megabyte_line_is_analysed_when_the_size_cap_lets_it_in(tmp_path: Path) -> None:
    shard, _ = scan(tmp_path, {"ten_mb_line.py": HOSTILE["ten_mb_line.py"], "fine.py": HOSTILE["fine.py"]},
                    max_file_bytes=16 * 1024 * 1024)
    analysed = {f["path"]: f for f in shard["files"]}
    assert analysed["ten_mb_line.py"]["bytes"] == len(HOSTILE["ten_mb_line.py"])
    assert analysed["ten_mb_line.py"]["lines"]["code"] == 1 and "fine.py" in analysed


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory is read from Linux's /proc/self/status")
def test_an_agent_on_hostile_files_stays_under_its_memory_limit(tmp_path: Path) -> None:
    # In a child process, so the figure is this agent's own peak and not the test runner's.
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from tests.helpers import peak_rss_mb; from tests.unit.test_hostile_files import scan;"
        "scan(Path(sys.argv[2])); print(round(peak_rss_mb()))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code, str(root), str(tmp_path)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    peak_mb = int(done.stdout.strip().splitlines()[-1])
    print(f"peak RSS of an agent on the hostile files: {peak_mb} MB (limit {MEMORY_LIMIT_MB} MB)")
    assert peak_mb < MEMORY_LIMIT_MB
