"""The pipeline stages on a small real git repository, without the durable engine around them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import git

from shoal.scan import incremental
from shoal.config import Settings
from shoal.scan.pipeline import ScanRequest, checkout_stage, plan_stage
from shoal.workspace import ScanPaths


def _repo_with_symlink(root: Path) -> Path:
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    (root / "app.py").write_text("def f(x):\n    return x\n")
    (root / "vendor").mkdir()
    (root / "vendor" / "lib.js").write_text("function g() {}\n")
    os.symlink("/etc/passwd", root / "escape")
    repo.index.add(["app.py", "vendor/lib.js", "escape"])
    repo.index.commit("first")
    return root


def test_checkout_skips_reach_the_plan_exclusions_but_not_the_checkpoint(tmp_path: Path) -> None:
    repo = _repo_with_symlink(tmp_path / "repo")
    settings = Settings(workspace=str(tmp_path / "ws"))
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "s1", "repository": str(repo)}), settings)
    assert scan.skipped == 1 and scan.files == 2
    plan = plan_stage("s1", settings)
    document = json.loads(ScanPaths(tmp_path / "ws", "s1").plan.read_bytes())
    reasons = {e["path"]: e["reason"] for e in document["exclusions"]}
    assert reasons["escape"] == "symlink"
    assert reasons["vendor"] == "vendored"  # vendored folders are excluded by default, whole
    assert plan.files == 1 and plan.excluded == len(reasons)


def test_a_plain_folder_skips_the_repository_cache_and_the_results_key(tmp_path: Path, monkeypatch) -> None:
    # The key digests Shoal's own files (0.03 s); a plain folder has no commit to keep results under.
    fingerprints: list[str] = []
    real = incremental.code_fingerprint
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: fingerprints.append("called") or real())
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "app.py").write_text("def f(x):\n    return x\n")
    settings = Settings(workspace=str(tmp_path / "ws"))
    assert settings.repo_cache and settings.incremental
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "s1", "repository": str(folder)}), settings)
    assert scan.files == 1 and scan.commit.startswith("tree-") and scan.analysis_key is None
    assert fingerprints == [] and not (tmp_path / "ws" / "cache").exists()

    repo = _repo_with_symlink(tmp_path / "repo")  # a git repository beside it does get both
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "s2", "repository": str(repo)}), settings)
    assert scan.analysis_key and fingerprints == ["called"]
    assert (tmp_path / "ws" / "cache" / "repos").is_dir()
