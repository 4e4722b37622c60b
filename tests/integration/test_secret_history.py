"""`--history`: a repository of 500+ commits built from a real project's successive PyPI releases
(one commit per changed file), with secrets planted in files that later commits delete, is
scanned blob by blob; every planted secret is found at the commit that added it."""

from __future__ import annotations

import hashlib
import subprocess
import time
from pathlib import Path

import pytest

from shoal.errors import InputError
from shoal.secrets import history
from shoal.secrets.history import scan_history
from shoal.secrets.scanner import scan_secrets_with_values
from tests.helpers import GIT, download_sdist
from tests.unit.test_secret_detectors import SPECS, generate

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench" / "history"
PACKAGE = "packaging"
VERSIONS = ("16.8", "17.1", "18.0", "19.0", "19.2", "20.0", "20.4", "20.9", "21.0", "21.3", "22.0", "23.0", "23.1",
            "23.2", "24.0", "24.1", "24.2")
PLANTED = ("github-token", "aws-access-key-id", "stripe-webhook-secret", "groq-api-key", "sendgrid-api-key",
           "datadog-api-key")

pytestmark = pytest.mark.integration


def releases() -> list[Path]:
    out = []
    for version in VERSIONS:
        folder = CACHE / "corpora" / f"{PACKAGE}-{version}"
        out.append(folder if folder.is_dir() else download_sdist(PACKAGE, version, CACHE / "downloads", CACHE / "corpora"))
    return out


def planted_text(index: int) -> tuple[str, str]:
    spec = next(s for s in SPECS if s["id"] == PLANTED[index % len(PLANTED)])
    value = generate(spec, 1000 + index)
    name = "DATADOG_API_KEY" if spec["id"] == "datadog-api-key" else "TOKEN"
    return value, f'{name} = "{value}"\n'


def build(repo: Path) -> tuple[dict[str, str], str]:
    """The repository via git fast-import; planted value -> the mark of the commit that adds it,
    and the value kept in HEAD."""
    stream: list[bytes] = []
    mark = 0
    previous: dict[str, bytes] = {}
    planted: dict[str, str] = {}
    kept = ""
    when = 1_600_000_000

    def commit(message: str, changes: list[bytes]) -> str:
        nonlocal mark, when
        mark += 1
        when += 3600
        head = [f"commit refs/heads/main\nmark :{mark}\nauthor t <t@example.com> {when} +0000\n"
                f"committer t <t@example.com> {when} +0000\n".encode(),
                f"data {len(message)}\n{message}\n".encode()]
        if mark > 1:
            head.append(f"from :{mark - 1}\n".encode())
        stream.extend(head + changes + [b"\n"])
        return f":{mark}"

    def modify(path: str, data: bytes) -> bytes:
        return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"

    leak = 0
    delete_at = 0
    for folder in releases():
        files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
        for path, data in files.items():
            if previous.get(path) != data:
                commit(f"{folder.name}: {path}", [modify(path, data)])
                if delete_at and mark >= delete_at:
                    commit("remove local settings", [f"D config/local_{leak - 1}.py\n".encode()])
                    delete_at = 0
                elif not delete_at and mark % 40 == 0:  # a secret committed, deleted a few commits on
                    value, text = planted_text(leak)
                    planted[value] = commit("add local settings", [modify(f"config/local_{leak}.py", text.encode())])
                    leak += 1
                    delete_at = mark + 3
        for path in sorted(set(previous) - set(files)):
            commit(f"{folder.name}: remove {path}", [f"D {path}\n".encode()])
        previous = files
    if delete_at:
        commit("remove local settings", [f"D config/local_{leak - 1}.py\n".encode()])
    kept, text = planted_text(leak)
    planted[kept] = commit("settings", [modify("settings.py", text.encode())])
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "fast-import", "--quiet", f"--export-marks={repo / 'marks'}"],
                   input=b"".join(stream), check=True)
    marks = dict(line.split() for line in (repo / "marks").read_text().splitlines())
    subprocess.run([*GIT, "-C", str(repo), "reset", "-q", "--hard", "main"], check=True)
    return {value: marks[m] for value, m in planted.items()}, kept


def head_secrets_pass(repo: Path) -> float:
    paths = subprocess.run([*GIT, "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True).stdout
    start = time.perf_counter()
    for path in paths.split(b"\0"):
        if path:
            data = (repo / path.decode()).read_bytes()
            if b"\0" not in data[:8192]:
                scan_secrets_with_values(path.decode(), data)
    return time.perf_counter() - start


def test_history_finds_every_planted_secret_where_it_first_appeared(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    planted, kept = build(repo)
    commits = int(subprocess.run([*GIT, "-C", str(repo), "rev-list", "--count", "--all"],
                                 capture_output=True, text=True, check=True).stdout)
    assert commits >= 500 and len(planted) >= 10
    head = head_secrets_pass(repo)
    start = time.perf_counter()
    result = scan_history(repo)
    took = time.perf_counter() - start
    by_hash: dict[str, dict] = {}
    for finding in result.findings:
        props = dict(finding.properties)
        by_hash.setdefault(props["secret_sha256"], props)
    for value, commit in planted.items():
        props = by_hash[hashlib.sha256(value.encode()).hexdigest()[:16]]
        assert props["commit"] == commit
        assert props["in_head"] is (value == kept), props["path"] if "path" in props else commit
        assert props["author_date"].startswith("20")
    text = repr(result.findings)
    assert not any(value in text for value in planted)  # still redacted
    print(f"{commits} commits, {result.blobs_scanned} blobs: history {took:.2f} s, head secrets pass {head:.2f} s")
    # Git plumbing adds fixed process costs; the scanning itself reads each blob once.
    assert took <= 3 * head + 1.5


def test_since_limits_the_scan_to_newer_commits(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    planted, kept = build(repo)
    result = scan_history(repo, since=planted[kept] + "~1")
    assert [dict(f.properties)["commit"] for f in result.findings] == [planted[kept]]


def test_blobs_over_the_cap_are_skipped_and_counted(tmp_path: Path) -> None:
    repo = tmp_path / "small"
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    (repo / "big.txt").write_bytes(b"x" * 5000)
    (repo / "a.py").write_text('T = "' + generate(next(s for s in SPECS if s["id"] == "groq-api-key"), 1) + '"\n')
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "x"], check=True)
    result = scan_history(repo, max_blob_bytes=4096)
    assert result.blobs_too_large == 1 and result.blobs_scanned == 1 and len(result.findings) == 1


def test_many_blobs_stream_without_deadlock_and_a_bad_since_is_an_input_error(tmp_path: Path) -> None:
    """5,000 blobs: their ids (200 KB) and answers overflow both pipes, which deadlocked a reader
    that wrote every id before reading; the secret in the last one is still found."""
    repo = tmp_path / "many"
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    token = generate(next(s for s in SPECS if s["id"] == "groq-api-key"), 7)
    files = [modify_line(f"data/f{i}.txt", f"row {i}\n".encode()) for i in range(5000)]
    files.append(modify_line("z.py", f'T = "{token}"\n'.encode()))
    stream = (b"commit refs/heads/main\nauthor t <t@example.com> 1600000000 +0000\n"
              b"committer t <t@example.com> 1600000000 +0000\ndata 1\nx\n" + b"".join(files) + b"\n")
    subprocess.run([*GIT, "-C", str(repo), "fast-import", "--quiet"], input=stream, check=True)
    result = scan_history(repo)
    assert result.blobs_scanned == 5001 and [dict(f.properties)["in_head"] for f in result.findings] == [True]
    blobs = history._BlobStream(repo, None, 1 << 20)
    for count, _blob in enumerate(blobs):  # a consumer that stops early ends every git stage
        if count == 10:
            break
    assert all(p.poll() is not None for p in (blobs.lister, blobs.reader))
    with pytest.raises(InputError, match="git log failed"):
        scan_history(repo, since="no-such-ref")


def modify_line(path: str, data: bytes) -> bytes:
    return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"
