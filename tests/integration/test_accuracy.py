"""`make bench-accuracy` end to end on a tiny labelled corpus: a real `shoal scan` and a real bandit run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks import accuracy

CASES = {
    # A weak hash for a password, found by both tools.
    "weak-hash/case_01.py": ("import hashlib\n\n\ndef store(password):\n"
                             "    return hashlib.md5(password.encode()).hexdigest()\n", True),
    # A strong one: neither tool should count it.
    "weak-hash/case_02.py": ("import hashlib\n\n\ndef store(data):\n"
                             "    return hashlib.sha256(data.encode()).hexdigest()\n", False),
    # md5 beside a shell call: a CWE-78 finding in the file must not count for weak-hash.
    "weak-hash/case_03.py": ("import subprocess\n\n\ndef run(cmd):\n"
                             "    return subprocess.call(cmd, shell=True)\n", True),
}


def test_scores_a_tiny_corpus_with_shoal_and_bandit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus" / "python"
    rows = ["path,category,cwe,vulnerable"]
    for name, (text, vulnerable) in CASES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
        rows.append(f"{name},weak-hash,328,{str(vulnerable).lower()}")
    (folder / "expected.csv").write_text("\n".join(rows) + "\n")
    monkeypatch.setattr(accuracy, "CORPUS", tmp_path / "corpus")
    out = tmp_path / "results.json"

    assert accuracy.main(["--skip-bandit-examples", "--show-misses", "--json", str(out)]) == 0

    [result] = json.loads(out.read_text())
    for tool in ("shoal", "bandit"):
        [row] = result["tools"][tool]["categories"]
        assert (row["tp"], row["fn"], row["fp"], row["tn"]) == (1, 1, 0, 1), (tool, row)
        assert row["misses"] == ["weak-hash/case_03.py"]
        assert result["tools"][tool]["average"] == pytest.approx(0.5)
    printed = capsys.readouterr().out
    assert "weak-hash" in printed and "+50.0%" in printed and "missed: weak-hash/case_03.py" in printed
