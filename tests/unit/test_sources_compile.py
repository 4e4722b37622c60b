"""Every Python file of the package compiles on this Python (CI runs the oldest pyproject.toml
supports, 3.11), the rule samples included: they are scanned, not run, but `pip install` and `sam build` byte-compile them,
and a user reads them as examples of code their own Python accepts (a 3.12-only f-string with
nested quotes printed a SyntaxError at every install on 3.11)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("folder", ["shared", "functions"])
def test_every_python_file_compiles(folder: str) -> None:
    failures = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except SyntaxError as error:
            failures.append(f"{path.relative_to(ROOT)}:{error.lineno}: {error.msg}")
    assert failures == []
