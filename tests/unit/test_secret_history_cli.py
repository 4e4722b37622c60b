"""`shoal scan <repo> --history [--since REF]`: secrets deleted from HEAD are still reported, with
the commit that added them, and never printed; bad requests get a message, not a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from shoal.cli import main
from tests.helpers import GIT
from tests.unit.test_secret_detectors import SPECS, generate
from tests.unit.test_source import _needs_tls_backend, https_repo  # noqa: F401 (a fixture)


def repo_with_deleted_secret(root: Path) -> tuple[Path, str, str]:
    repo = root / "repo"
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    value = generate(next(s for s in SPECS if s["id"] == "github-token"), 7)
    (repo / "deploy.sh").write_text(f"export GH_TOKEN={value}\n")
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "deploy"], check=True)
    added = subprocess.run([*GIT, "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                           check=True).stdout.strip()
    (repo / "deploy.sh").write_text("export GH_TOKEN=$(pass show gh)\n")
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qam", "no token"], check=True)
    return repo, value, added


def test_history_reports_a_deleted_secret_without_printing_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, value, added = repo_with_deleted_secret(tmp_path)
    assert main(["scan", str(repo), "--history"]) == 1
    out = capsys.readouterr().out
    assert "deploy.sh:1:" in out and "secrets/github-token" in out and "no longer in HEAD" in out
    assert added[:12] in out and value not in out
    assert main(["scan", str(repo), "--history", "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["properties"]["commit"] == added and finding["properties"]["in_head"] is False
    # Nothing new since the commit that removed it.
    assert main(["scan", str(repo), "--history", "--since", "HEAD~1"]) == 0


def test_history_writes_the_json_files_asked_for_and_refuses_formats_it_has_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, value, added = repo_with_deleted_secret(tmp_path)
    assert main(["scan", str(repo), "--history", "-o", str(tmp_path / "h.json"),
                 "--json-output", str(tmp_path / "again.json")]) == 1
    assert "no longer in HEAD" in capsys.readouterr().out  # the terminal still gets the text
    for written in (tmp_path / "h.json", tmp_path / "again.json"):
        [finding] = json.loads(written.read_text())["findings"]
        assert finding["properties"]["commit"] == added and value not in written.read_text()
    # A format history has no writer for is refused before the history is read, never ignored.
    assert main(["scan", str(repo), "--history", "--sarif-output", str(tmp_path / "h.sarif")]) == 2
    assert main(["scan", str(repo), "--history", "--format", "md"]) == 2
    assert "text or JSON only, not md" in capsys.readouterr().err
    assert not (tmp_path / "h.sarif").exists()


def test_a_secret_kept_through_edits_is_one_finding_where_it_first_appeared(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, value, added = repo_with_deleted_secret(tmp_path)
    for round_ in range(3):  # the token comes back and stays while the file around it changes
        (repo / "deploy.sh").write_text(f"# step {round_}\nexport GH_TOKEN={value}\n")
        subprocess.run([*GIT, "-C", str(repo), "commit", "-qam", f"edit {round_}"], check=True)
    (repo / "copy.sh").write_text(f"TOKEN={value}\n")
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "copy"], check=True)
    assert main(["scan", str(repo), "--history", "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    props = finding["properties"]
    assert props["commit"] == added and props["in_head"] is True and finding["location"]["path"] == "deploy.sh"


def test_history_from_a_subfolder_sees_heads_whole_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, value, _ = repo_with_deleted_secret(tmp_path)
    (repo / "ops").mkdir()
    (repo / "ops" / "run.sh").write_text(f"export GH_TOKEN={value}\n")  # back, in another folder
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text("# docs\n")
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "ops"], check=True)
    assert main(["scan", str(repo / "docs"), "--history", "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["properties"]["in_head"] is True  # HEAD holds it outside docs/


def test_bad_history_requests_are_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(tmp_path), "--history"]) == 2
    assert "not a git repository" in capsys.readouterr().err
    assert main(["scan", str(tmp_path), "--since", "HEAD"]) == 2
    assert "add --history" in capsys.readouterr().err
    repo, _, _ = repo_with_deleted_secret(tmp_path)
    assert main(["scan", str(repo), "--history", "--since", "no-such-ref"]) == 2
    err = capsys.readouterr().err
    assert "git log failed" in err and "no-such-ref" in err and "Traceback" not in err


@_needs_tls_backend
def test_history_of_a_remote_repository_goes_through_the_repository_cache(
    https_repo: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]  # noqa: F811 (the imported fixture)
) -> None:
    host, _commit = https_repo
    served = tmp_path / "served" / "repo.git"
    work = tmp_path / "work"
    value = generate(next(s for s in SPECS if s["id"] == "github-token"), 9)
    (work / "deploy.sh").write_text(f"export GH_TOKEN={value}\n")
    subprocess.run([*GIT, "-C", str(work), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "t"], check=True)
    (work / "deploy.sh").write_text("export GH_TOKEN=$(pass show gh)\n")
    subprocess.run([*GIT, "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qam", "u"],
                   check=True)
    subprocess.run([*GIT, "-C", str(work), "push", "-q", str(served), "main"], check=True)
    monkeypatch.setenv("SHOAL_ALLOWED_HOSTS", host)
    workspace = tmp_path / "ws"
    url = f"https://{host}/repo.git"
    assert main(["scan", url, "--history", "--format", "json", "--workspace", str(workspace)]) == 1
    out = capsys.readouterr().out
    [finding] = json.loads(out)["findings"]
    assert finding["rule_id"] == "secrets/github-token" and finding["properties"]["in_head"] is False
    assert value not in out
    assert list((workspace / "cache" / "repos").glob("*/manifest.json"))  # the cache holds the history now
    # Again from the cache: the same answer.
    assert main(["scan", url, "--history", "--format", "json", "--workspace", str(workspace)]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == [finding]
    monkeypatch.setenv("SHOAL_ALLOWED_HOSTS", "github.com")
    assert main(["scan", url, "--history", "--workspace", str(workspace)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_history_with_verification_labels_each_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from tests.integration.provider_server import ProviderServer

    repo, value, _ = repo_with_deleted_secret(tmp_path)
    server = ProviderServer()
    server.live("api.github.com", value)
    monkeypatch.setenv("SHOAL_TEST_VERIFY_BASE", server.start())
    try:
        assert main(["scan", str(repo), "--history", "--verify-secrets", "--format", "json"]) == 1
    finally:
        server.stop()
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["properties"]["verification"] == "verified"
    assert server.sent_to(value) == {"api.github.com"} and len(server.requests) == 1


def test_a_shallow_clone_is_said_to_hide_the_history_before_its_boundary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CI checkout is often `--depth 1`: the secret deleted before it cannot be found there,
    and the report says why rather than looking like a clean history."""
    repo, value, _added = repo_with_deleted_secret(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run([*GIT, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    assert main(["scan", str(clone), "--history"]) == 0
    out = capsys.readouterr().out
    assert "0 secret finding(s)" in out and "is a shallow clone" in out and "git fetch --unshallow" in out
    assert main(["scan", str(clone), "--history", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["shallow"] is True
    assert main(["scan", str(repo), "--history", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["shallow"] is False
    assert main(["scan", str(repo), "--history"]) == 1
    assert "shallow" not in capsys.readouterr().out
