"""template.yaml passes cfn-lint with the serverless rules (offline: no AWS credentials needed),
and every function it names has its entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_template_passes_cfn_lint_with_the_serverless_rules() -> None:
    cfn_lint = Path(sys.executable).with_name("cfn-lint")  # the venv's console script
    done = subprocess.run(
        [str(cfn_lint), "--append-rules", "cfn_lint_serverless.rules", "--", "template.yaml"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_function_code_folder_has_an_app_handler() -> None:
    text = (ROOT / "template.yaml").read_text()
    folders = [line.split("CodeUri:")[1].strip() for line in text.splitlines() if "CodeUri:" in line]
    assert {"functions/orchestrator/", "functions/agent/", "functions/webhook/", "functions/scheduler/"} <= set(folders)
    for folder in folders:
        source = (ROOT / folder / "app.py").read_text()
        assert "handler" in source, folder


def test_the_layer_requirements_pin_what_pyproject_pins() -> None:
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    layer = [line.strip() for line in (ROOT / "shared" / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    local_only = {"rich", "gitpython", "aws-durable-execution-sdk-python-testing", "boto3"}
    expected = {d for d in pyproject if d.split("=")[0].split(">")[0] not in local_only}
    assert set(layer) == expected
