"""A repository's own secret detectors: YAML files with a top-level `detectors:` list in the
rules folder its .shoal.toml names, checked with the built-in detectors' schema, reported,
disabled and overridden like any rule, and refused with the file and field named when broken."""

from __future__ import annotations

import json
import random
import string
import textwrap
from pathlib import Path

import git
import pytest

from shoal.errors import InputError
from shoal.rules.registry import load_rules
from shoal.secrets.catalog import DetectorError, user_detectors
from tests.helpers import HOUSE_RULE
from tests.unit.test_security_scan import scan

ACME = textwrap.dedent("""
    detectors:
      - id: acme-deploy-key
        provider: Acme Cloud
        label: Acme deploy key
        secret: 'acmdk_[A-Za-z0-9]{40}'
        keywords: [acmdk_]
        min_entropy: 3.5
        samples: {ok: ['ACME_KEY=acmdk_<your key>']}
""")


def _acme_key(seed: int) -> str:
    rng = random.Random(seed)
    return "acmdk_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(40))


def _repo(root: Path, detectors: str, toml: str = '[rules]\nfolder = "tools/rules"\n') -> Path:
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    (root / "tools" / "rules").mkdir(parents=True)
    (root / "tools" / "rules" / "print.yaml").write_text(HOUSE_RULE)
    (root / "tools" / "rules" / "acme.yaml").write_text(detectors)
    (root / "deploy.py").write_text(f'client = AcmeClient("{_acme_key(1)}")\nprint("ok")\n')
    (root / ".shoal.toml").write_text(toml)
    repo.index.add(["tools/rules/print.yaml", "tools/rules/acme.yaml", "deploy.py", ".shoal.toml"])
    repo.index.commit("c1")
    return root


def test_a_repositorys_detector_reports_redacted_beside_its_rules(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo", ACME)
    _, report = scan(repo, tmp_path / "ws")
    ids = {(f["rule_id"], f["location"]["path"]) for f in report["findings"]}
    assert ("secrets/acme-deploy-key", "deploy.py") in ids
    assert ("house/python-print", "deploy.py") in ids  # the rule file beside it still loads
    assert _acme_key(1) not in json.dumps(report)
    assert "secrets/acme-deploy-key" in {r["id"] for r in report["rules"]}


def test_a_repositorys_detector_can_be_disabled_and_overridden(tmp_path: Path) -> None:
    toml = '[rules]\nfolder = "tools/rules"\n[rules.severity]\n"secrets/acme-deploy-key" = "note"\n'
    _, report = scan(_repo(tmp_path / "a", ACME, toml), tmp_path / "ws")
    assert [f["severity"] for f in report["findings"] if f["rule_id"] == "secrets/acme-deploy-key"] == ["note"]
    toml = '[rules]\nfolder = "tools/rules"\ndisable = ["secrets/acme-deploy-key"]\n'
    _, report = scan(_repo(tmp_path / "b", ACME, toml), tmp_path / "ws2")
    assert not [f for f in report["findings"] if f["rule_id"] == "secrets/acme-deploy-key"]


@pytest.mark.parametrize(("text", "expected"), [
    (ACME.replace("    label: Acme deploy key\n", ""),
     r"tools/rules/acme.yaml: invalid detector file at detectors/0 \(detector acme-deploy-key\): 'label' is a required"),
    (ACME.replace("min_entropy: 3.5", "min_entropy: high"),
     r"acme.yaml: invalid detector file at detectors/0/min_entropy \(detector acme-deploy-key\)"),
    (ACME.replace("keywords: [acmdk_]", "keywords: [acmdk_]\n    colour: red"),
     r"at detectors/0 .*'colour' was unexpected"),
    (ACME.replace("'acmdk_[A-Za-z0-9]{40}'", "'acmdk_(?<=x)'"),
     r"tools/rules/acme.yaml: detector acme-deploy-key: invalid RE2 regex"),
    (ACME.replace("acme-deploy-key", "github-token"),
     r"acme.yaml: detector github-token is already defined in the built-in detectors"),
])
def test_a_broken_detector_names_its_file_and_field(tmp_path: Path, text: str, expected: str) -> None:
    repo = _repo(tmp_path / "repo", text)
    with pytest.raises(InputError, match=expected):
        scan(repo, tmp_path / "ws")


def test_detector_files_are_not_read_as_rules_and_ids_are_unique_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(ACME)
    (tmp_path / "print.yaml").write_text(HOUSE_RULE)
    assert [rule.id for rule in load_rules(tmp_path)] == ["house/python-print"]
    assert [d.meta.id for d in user_detectors(tmp_path)] == ["secrets/acme-deploy-key"]
    (tmp_path / "b.yaml").write_text(ACME)
    with pytest.raises(DetectorError, match=r"b.yaml: detector acme-deploy-key is already defined in .*a.yaml"):
        user_detectors(tmp_path)


def test_rules_list_shows_the_folders_detectors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from shoal.cli import main

    (tmp_path / "acme.yaml").write_text(ACME)
    assert main(["rules", "list", "--rules", str(tmp_path), "--format", "json"]) == 0
    assert "secrets/acme-deploy-key" in {row["id"] for row in json.loads(capsys.readouterr().out)}
