"""What `shoal scan` shows a person: findings in the terminal, quiet mode, unfolded output in
pipes, "did you mean", Ctrl-C, and `shoal scan .` from inside a project."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shoal.reports.terminal import masked_line
from tests.helpers import init_repo

APP = '''import hashlib
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    cmd = request.args.get("cmd", "")
    os.system("ls " + cmd)
    return hashlib.md5(cmd.encode()).hexdigest()


AWS_KEY = "AKIAIOSFODNN7EXAMPLF"
'''
AWS_KEY = "AKIAIOSFODNN7EXAMPLF"


def shoal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "app.py").write_text(APP)
    init_repo(root, "c1")
    return root


def test_findings_are_listed_by_file_with_rule_cwe_message_and_code_and_secrets_masked(project: Path, tmp_path: Path):
    done = shoal("scan", str(project), "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.index("app.py") < out.index("12:5  error  command-injection/python-os-system  CWE-78")
    assert '   12 |     os.system("ls " + cmd)' in out
    assert "13:12  warning  crypto/python-weak-hash  CWE-328" in out
    assert "secrets/aws-access-key-id" in out and 'AWS_KEY = "****"' in out
    assert AWS_KEY not in out and AWS_KEY not in done.stderr
    assert out.index("python-weak-hash") < out.index("findings: error")  # findings, then the table


def test_quiet_prints_findings_only_and_max_shown_says_how_many_more(project: Path, tmp_path: Path):
    quiet = shoal("scan", str(project), "--workspace", str(tmp_path / "ws"), "-q", cwd=tmp_path)
    assert quiet.returncode == 1
    assert "python-os-system" in quiet.stdout
    assert "findings: error" not in quiet.stdout and "shoal.sarif" not in quiet.stdout
    capped = shoal("scan", str(project), "--workspace", str(tmp_path / "ws"), "-q", "--max-shown", "1", cwd=tmp_path)
    assert capped.stdout.count("CWE-") == 1
    assert "... 2 more findings" in capped.stdout


def test_scan_dot_inside_a_plain_folder_or_repository_leaves_nothing_behind(project: Path, tmp_path: Path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "x.py").write_text("import pickle\n\ndef f(b):\n    return pickle.loads(b)\n")
    cache = tmp_path / "cache"
    for folder in (plain, project):
        done = shoal("scan", ".", cwd=folder, env={"XDG_CACHE_HOME": str(cache), "SHOAL_WORKSPACE": ""})
        assert done.returncode == 1, done.stderr
        assert "error" in done.stdout
        assert not (folder / ".shoal").exists()
    assert len(list((cache / "shoal" / "workspace" / "scans").glob("*/report/shoal.sarif"))) == 2


def test_output_in_a_pipe_is_never_folded(tmp_path: Path):
    done = shoal("rules", "list", cwd=tmp_path)
    assert "command-injection/java-runtime-exec" in done.stdout  # whole ids, however long the row
    long_path = tmp_path / ("x" * 150) / "missing"
    refused = shoal("scan", str(long_path), cwd=tmp_path)
    assert refused.returncode == 2
    assert str(long_path) in refused.stderr.replace("\n", "") and len(refused.stderr.strip().splitlines()) == 1


def test_a_near_miss_rule_id_gets_a_suggestion(tmp_path: Path):
    done = shoal("rules", "show", "crypto/python-weak-hsh", cwd=tmp_path)
    assert done.returncode != 0
    assert "did you mean crypto/python-weak-hash?" in done.stderr


def test_ctrl_c_ends_quietly_with_one_line_that_says_how_to_resume(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "".join(f"def f{i}(a, b):\n    if a:\n        return b\n    return a + {i}\n\n" for i in range(400))
    for n in range(400):
        (corpus / f"m{n}.py").write_text(body)
    process = subprocess.Popen(
        [sys.executable, "-m", "shoal.cli", "scan", str(corpus), "--workspace", str(tmp_path / "ws"), "--workers", "2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(2.5)  # the workers are up and analysing
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    out, err = process.communicate(timeout=120)
    if process.returncode == 1:
        pytest.skip("the scan finished before the interrupt on this machine")
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "shoal scan --resume" in lines[0], err
    resumed = shoal("scan", str(corpus), "--workspace", str(tmp_path / "ws"), "-q", "--max-shown", "0", cwd=tmp_path)
    assert resumed.returncode in (0, 1), resumed.stderr


def test_masking_covers_reported_regions_and_what_the_detectors_find_on_the_line():
    regions = [{"start_line": 3, "start_col": 5, "end_line": 5, "end_col": 4}]
    assert masked_line("a.py", "key = ABCDEFG", 3, regions) == "key ****"
    assert masked_line("a.py", "inside", 4, regions) == "****"
    assert masked_line("a.py", "endXYZ", 5, regions) == "****XYZ"
    token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE"
    assert token not in masked_line("a.py", f'auth = "{token}"', 9, [])


def test_a_rescan_counts_reused_and_analysed_files_apart(project: Path, tmp_path: Path):
    shoal("scan", str(project), "--workspace", str(tmp_path / "ws"), "--max-shown", "0", cwd=tmp_path)
    (project / "extra.py").write_text("def extra():\n    return 1\n")
    init_repo(project, "c2")
    again = shoal("scan", str(project), "--workspace", str(tmp_path / "ws"), "--max-shown", "0", cwd=tmp_path)
    rows = {cells[0]: cells[1] for line in again.stdout.splitlines()
            if len(cells := [c.strip() for c in line.strip("│").split("│")]) == 2}
    assert rows["files reused (unchanged)"] == "1" and rows["files analysed"] == "1", again.stdout
