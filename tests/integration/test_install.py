"""`pip install .` gives a working `shoal` outside the clone: the wheel is built from this
checkout and installed, with its dependencies from the registry, into a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `shoal` script of a fresh venv that has only the built wheel and what it requires."""
    base = tmp_path_factory.mktemp("install")
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels),
                    str(ROOT)], check=True, cwd=base, capture_output=True)
    wheel = next(wheels.glob("shoal-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, cwd=base, capture_output=True)
    return env_dir / "bin" / "shoal"


def test_the_installed_command_scans_a_project_from_inside_it(installed: Path, tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "handler.py").write_text("import yaml\n\n\ndef load(text):\n    return yaml.load(text)\n")
    version = subprocess.run([str(installed), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("shoal ")
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}  # nothing of the clone's environment
    done = subprocess.run([str(installed), "scan", "."], cwd=project, capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 1, done.stderr
    assert "handler.py" in done.stdout and "deserialization/python-yaml-load" in done.stdout
    assert (tmp_path / "home" / ".cache" / "shoal" / "workspace" / "scans").is_dir()
    assert not (project / ".shoal").exists()
    rules = subprocess.run([str(installed), "rules", "list"], capture_output=True, text=True, env=env, check=True)
    assert "crypto/python-weak-hash" in rules.stdout  # the built-in rules ship in the wheel
