"""The `shoal` command's entry point (shoal.entry)."""

from __future__ import annotations

import importlib.abc
import sys

import pytest

from shoal import entry


class _Interrupting(importlib.abc.MetaPathFinder):
    """Ctrl-C arriving while shoal.cli is being imported."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "shoal.cli":
            raise KeyboardInterrupt
        return None


def test_ctrl_c_while_the_cli_loads_is_status_130_and_one_line(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delitem(sys.modules, "shoal.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Interrupting(), *sys.meta_path])
    assert entry.run() == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_the_entry_point_runs_the_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["shoal", "--version"])
    with pytest.raises(SystemExit) as done:
        entry.run()
    assert done.value.code == 0 and capsys.readouterr().out.startswith("shoal ")
