"""An agent scans its files' secrets a batch at a time (shoal.scan.agent.analyse_files): each
file's outcome is still the one `analyse_file` gives it alone, in the partition's order, and a
file that cannot be read is skipped with its reason without losing its batch's other files."""

from __future__ import annotations

import random
from pathlib import Path

from shoal.config import Thresholds
from shoal.models import SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan import agent
from shoal.scan.agent import FileChecks, analyse_file, analyse_files
from shoal.scan.security import FindingPolicy

B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _files(root: Path, count: int) -> list[SourceFile]:
    rng = random.Random(3)
    out = []
    for number in range(count):
        lines = ["import subprocess", "", f"def handler_{number}(request):"]
        if number % 3 == 0:  # a self-identifying Groq key, found by its own detector
            lines.append(f'    key = "gsk_{"".join(rng.choice(B62) for _ in range(52))}"')
        if number % 4 == 0:  # request data into a shell: a taint finding
            lines.append("    subprocess.run(request.GET['cmd'], shell=True)")
        if number % 5 == 0:
            lines.append('    subprocess.run("ls", shell=True)  # shoal: ignore')
        lines.append("    return None")
        (root / f"m{number}.py").write_text("\n".join(lines) + "\n")
        out.append(SourceFile(f"m{number}.py", "python", 1))
    return out


def test_batched_outcomes_are_each_files_own_in_order(tmp_path: Path) -> None:
    files = _files(tmp_path, agent.SECRETS_BATCH * 2 + 5)
    files.insert(agent.SECRETS_BATCH + 3, SourceFile("gone.py", "python", 1))  # listed, then deleted
    checks = FileChecks(Thresholds(), RuleEngine(RuleSet(builtin_rules())), FindingPolicy())

    outcomes = list(analyse_files(tmp_path, files, checks))

    assert [o.path for o in outcomes] == [f.path for f in files]
    skipped = [o for o in outcomes if o.skipped is not None]
    assert [o.path for o in skipped] == ["gone.py"] and skipped[0].skipped.startswith("gone.py: skipped: ")
    secret_files = 0
    for source_file, outcome in zip(files, outcomes):
        if outcome.skipped is not None:
            continue
        values: list[bytes] = []
        metrics, findings, diagnostics = analyse_file(tmp_path, source_file, checks, values)
        assert outcome.metrics == metrics and outcome.diagnostics == diagnostics
        assert [f.to_dict() for f in outcome.findings] == [f.to_dict() for f in findings]
        assert outcome.secrets == values
        secret_files += bool(values)
    assert secret_files == len([n for n in range(agent.SECRETS_BATCH * 2 + 5) if n % 3 == 0])
    assert any(f.rule_id.startswith("secrets/") for o in outcomes for f in o.findings)
