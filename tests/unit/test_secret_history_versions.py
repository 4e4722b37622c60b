"""History scans each version of a file only where it differs from the version scanned before it
and carries the other findings over: the result must be exactly what a whole scan finds."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from shoal.secrets import history
from shoal.secrets.history import _common_prefix, _common_suffix, _unchanged_zones, _Versions
from shoal.secrets.scanner import scan_secrets_with_values
from tests.helpers import GIT

B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def token(rng: random.Random) -> str:
    return "gsk_" + "".join(rng.choice(B62) for _ in range(52))  # a Groq key: self-identifying


def lines_of(rng: random.Random, count: int) -> list[str]:
    out = []
    for number in range(count):
        roll = rng.random()
        if roll < 0.05:
            out.append(f'GROQ_KEY_{number} = "{token(rng)}"')
        elif roll < 0.08:
            out.append(f'client = Client("{token(rng)}")  # call {number}')
        else:
            out.append(f"value_{number} = compute({number}, {rng.randrange(1000)})")
    return out


def edit(rng: random.Random, lines: list[str]) -> list[str]:
    """A commit's worth of changes: lines replaced, inserted or removed, anywhere."""
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(lines) + 1)
        action = rng.random()
        if action < 0.4 and where < len(lines):
            lines[where] = lines_of(rng, 1)[0] if rng.random() < 0.5 else f'SECRET_{where} = "{token(rng)}"'
        elif action < 0.7:
            lines[where:where] = lines_of(rng, rng.randint(1, 6))
        else:
            del lines[where:where + rng.randint(1, 5)]
    return lines


def summary(pairs: list) -> list[tuple[str, int, int, int, int, bytes]]:
    return sorted((f.rule_id, f.location.start_line, f.location.start_col, f.location.end_line,
                   f.location.end_col, value) for f, value in pairs)


@pytest.mark.parametrize("seed", range(12))
def test_each_version_reports_what_a_whole_scan_reports(seed: int) -> None:
    rng = random.Random(seed)
    versions = _Versions()
    lines = lines_of(rng, rng.randint(150, 400))
    for _ in range(15):
        data = ("\n".join(lines) + "\n").encode()
        assert summary(versions.scan("app/settings.py", data)) == summary(
            scan_secrets_with_values("app/settings.py", data))
        lines = edit(rng, lines)


def test_a_key_block_is_always_scanned_whole() -> None:
    rng = random.Random(3)
    body = "\n".join("".join(rng.choice(B62) for _ in range(64)) for _ in range(12))
    head = "\n".join(f"line {n}" for n in range(400))
    versions = _Versions()
    key = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n"
    versions.scan("k.txt", (head + "\n" + key).encode())
    changed = (head + "\n" + key + "trailer\n").encode()  # the change touches only the footer's next line
    assert summary(versions.scan("k.txt", changed)) == summary(scan_secrets_with_values("k.txt", changed))


@pytest.mark.parametrize("seed", range(200))
def test_common_prefix_and_suffix(seed: int) -> None:
    rng = random.Random(seed)
    a = rng.randbytes(rng.randint(0, 400))
    b = bytearray(a)
    for _ in range(rng.randint(0, 3)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    b = rng.randbytes(rng.randint(0, 40)) + bytes(b) if rng.random() < 0.3 else bytes(b)

    def shared(x: bytes, y: bytes) -> int:
        size = 0
        while size < min(len(x), len(y)) and x[size] == y[size]:
            size += 1
        return size

    assert _common_prefix(a, b) == shared(a, b)
    assert _common_suffix(a, b) == shared(a[::-1], b[::-1])


def history_repo(root: Path, rng: random.Random) -> Path:
    """A repository of 30 commits, each editing one or two of five files (sometimes deleting one)."""
    files = {f"pkg/mod_{n}.py": lines_of(rng, rng.randint(60, 200)) for n in range(5)}
    stream, when = [], 1_600_000_000
    for number in range(30):
        changes = []
        for path in rng.sample(sorted(files), rng.randint(1, 2)):
            if rng.random() < 0.1:
                changes.append(f"D {path}\n".encode())
                files[path] = lines_of(rng, rng.randint(60, 200))  # back later, as a new file
                continue
            files[path] = edit(rng, files[path])
            data = ("\n".join(files[path]) + "\n").encode()
            changes.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        when += 60
        stream.append(f"commit refs/heads/main\nauthor t <t@example.com> {when} +0000\n"
                      f"committer t <t@example.com> {when} +0000\ndata 2\nc{number % 10}\n".encode()
                      + b"".join(changes) + b"\n")  # each commit follows the branch's last
    repo = root / "repo"
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    return repo


def every_blob_scanned_whole(repo: Path) -> set[tuple[str, str]]:
    listing = subprocess.run([*GIT, "-C", str(repo), "rev-list", "--objects", "--all"], capture_output=True,
                             text=True, check=True).stdout.split("\n")
    found = set()
    for sha, _, path in (line.partition(" ") for line in listing if " " in line):
        data = subprocess.run([*GIT, "-C", str(repo), "cat-file", "-p", sha], capture_output=True, check=True).stdout
        if path.endswith(".py"):
            found |= {(f.rule_id, dict(f.properties)["secret_sha256"]) for f, _ in scan_secrets_with_values(path, data)}
    return found


@pytest.mark.parametrize("seed", range(3))
def test_history_finds_what_a_whole_scan_of_every_blob_finds_whatever_the_versions_kept(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """However few previous versions fit in memory (1 byte: none, each blob scanned whole), the
    same report, each secret once."""
    repo = history_repo(tmp_path, random.Random(seed))
    expected = every_blob_scanned_whole(repo)
    results = []
    for budget in (history.VERSIONS_BYTES, 64 << 10, 1):
        monkeypatch.setattr(history, "VERSIONS_BYTES", budget)
        findings = history.scan_history(repo).findings
        assert {(f.rule_id, dict(f.properties)["secret_sha256"]) for f in findings} == expected
        results.append([f.to_dict() for f in findings])
    assert expected and results[0] == results[1] == results[2]


def test_a_scanning_error_reaches_the_caller_and_ends_every_git_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = history_repo(tmp_path, random.Random(5))
    spawned: list[subprocess.Popen[bytes]] = []
    spawn = history._spawn

    def recorded(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        spawned.append(spawn(*args, **kwargs))
        return spawned[-1]

    def broken(self: history._Versions, path: str, data: bytes) -> None:
        raise RuntimeError("scanner broke")

    monkeypatch.setattr(history, "_spawn", recorded)
    monkeypatch.setattr(history._Versions, "scan", broken)
    with pytest.raises(RuntimeError, match="scanner broke"):
        history.scan_history(repo)
    assert len(spawned) == 2 and all(process.poll() is not None for process in spawned)  # log, cat-file


def test_a_version_changed_at_both_ends_and_inside_shares_the_rest() -> None:
    """Changes at the top, the bottom and in the middle leave the two stretches between them to
    carry, not one change spanning the file (anchors found between the shared start and end)."""
    rng = random.Random(11)
    lines = [f"value_{n} = compute({n}, {rng.randrange(1000)})" for n in range(600)]
    old = ("\n".join(lines) + "\n").encode()
    lines[0], lines[300], lines[-1] = "version = 2", f'SECRET = "{token(rng)}"', "end = True"
    new = ("\n".join(lines) + "\n").encode()
    zones = _unchanged_zones(old, new)
    assert len(zones) == 2 and sum(stop - start for start, stop, _ in zones) > 0.95 * len(new)
    for start, stop, old_start in zones:
        assert new[start:stop] == old[old_start:old_start + stop - start]
    versions = _Versions()
    versions.scan("app/settings.py", old)
    assert summary(versions.scan("app/settings.py", new)) == summary(scan_secrets_with_values("app/settings.py", new))


def test_heads_blobs_are_what_ls_tree_lists_and_an_unborn_head_holds_none(tmp_path: Path) -> None:
    """HEAD's blobs come from its trees read through the scan's own cat-file: every blob of every
    folder (executables and links too), never a submodule's commit; a HEAD with no commit yet
    holds nothing, and the secret on another branch is reported as not in HEAD."""
    rng = random.Random(3)
    repo = tmp_path / "repo"
    subprocess.run([*GIT, "init", "-q", "-b", "main", str(repo)], check=True)
    for folder in ("", "a/", "a/b/", "a/b/c/", "d/"):
        (repo / folder).mkdir(parents=True, exist_ok=True)
        (repo / folder / "f.py").write_text(f'KEY = "{token(rng)}"\n')
    (repo / "run.sh").write_text("echo hi\n")
    (repo / "run.sh").chmod(0o755)
    (repo / "link").symlink_to("run.sh")
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "update-index", "--add", "--cacheinfo",
                    f"160000,{'1' * 40},vendor/lib"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "x"], check=True)
    listed = subprocess.run([*GIT, "-C", str(repo), "ls-tree", "-r", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.splitlines()
    blobs = history._BlobStream(repo, None, 1 << 20)
    blobs.want_head = True
    assert len(list(blobs)) == 7
    assert blobs.head == {line.split()[2] for line in listed if line.split()[1] == "blob"} and len(blobs.head) == 7
    result = history.scan_history(repo)
    assert len(result.findings) == 5 and all(dict(f.properties)["in_head"] for f in result.findings)
    subprocess.run([*GIT, "-C", str(repo), "checkout", "-q", "--orphan", "unborn"], check=True)
    result = history.scan_history(repo)
    assert len(result.findings) == 5 and not any(dict(f.properties)["in_head"] for f in result.findings)
