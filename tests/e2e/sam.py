"""Running SAM CLI from the tests: offline, without AWS credentials, with python3.13 on PATH.

SAM CLI lives in its own virtual environment (`make sam-setup`, pinned in tests/e2e/sam-requirements.txt)
because its pins clash with ours. `sam build` for python3.13 needs a python3.13 on PATH: pyenv's
3.13.0 on these machines, or any python3.13 already on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "e2e"
SAM = ROOT / ".venv-sam" / "bin" / "sam"
PYTHON_VERSION = "3.13"
REGION = "us-east-1"


def python313() -> Path | None:
    """A python3.13 executable: pyenv's 3.13.0 first, then whatever is on PATH."""
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    pyenv = shutil.which("pyenv")
    if pyenv:
        done = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        pyenv_root = done.stdout.strip() or pyenv_root
    candidate = Path(pyenv_root) / "versions" / "3.13.0" / "bin" / "python3.13"
    if candidate.is_file():
        return candidate
    found = shutil.which("python3.13")
    return Path(found) if found else None


def sam_env(**extra: str) -> dict[str, str]:
    """The environment for sam: python3.13 first on PATH, no telemetry, a region, and dummy
    credentials so that nothing looks for (or finds) real ones. Our own variables are left out:
    sam local hands a function the shell's value of every variable the template declares."""
    ours = ("AWS_", "DURABLE_EXECUTIONS_", "SHOAL_", "POWERTOOLS_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    python = python313()
    path = env.get("PATH", "/usr/bin:/bin")
    env.update(
        PATH=f"{python.parent}:{path}" if python else path,
        SAM_CLI_TELEMETRY="0",
        AWS_DEFAULT_REGION=REGION,
        AWS_REGION=REGION,
        AWS_ACCESS_KEY_ID="local",
        AWS_SECRET_ACCESS_KEY="local",
        AWS_EC2_METADATA_DISABLED="true",
    )
    env.update(extra)
    return env


def require_sam() -> Path:
    if not SAM.is_file():
        pytest.skip(f"SAM CLI is not installed at {SAM.relative_to(ROOT)}: run `make sam-setup` (make test does)")
    return SAM


def require_python313() -> Path:
    python = python313()
    if python is None:
        pytest.skip("python3.13 is not installed (neither pyenv's 3.13.0 nor on PATH): sam build needs it")
    return python


def run_sam(*args: str, timeout: float = 600, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(require_sam()), *args],
        cwd=ROOT,
        env=env or sam_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def build(build_dir: Path) -> Path:
    """`sam build` of template.yaml into build_dir; returns the built template. The cache under
    .aws-sam/ (git-ignored) makes a repeated build copy instead of reinstalling the layer."""
    require_python313()
    done = run_sam(
        "build", "--build-dir", str(build_dir), "--cached", "--cache-dir", str(ROOT / ".aws-sam" / "cache-tests")
    )
    assert done.returncode == 0, f"sam build failed:\n{done.stdout}\n{done.stderr}"
    return build_dir / "template.yaml"


@pytest.fixture(scope="session")
def sam_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built template of one `sam build` shared by every test of the session."""
    require_sam()
    return build(tmp_path_factory.mktemp("sam-build") / "build")
