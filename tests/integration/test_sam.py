"""SAM CLI itself on template.yaml, offline: `sam validate --lint` and `sam build` for python3.13,
and the built layer really imports and parses under Python 3.13 (the Lambda runtime's version)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from tests.e2e.sam import PYTHON_VERSION, ROOT, require_python313, run_sam

# sam build builds every function, whatever its condition (WorkspaceFunction is the Split layout's).
FUNCTIONS = ("OrchestratorFunction", "AgentFunction", "WebhookFunction", "SchedulerFunction", "WorkspaceFunction")


def test_sam_validate_lint_finds_no_errors() -> None:
    done = run_sam("validate", "--lint", "--template", str(ROOT / "template.yaml"), timeout=300)
    assert done.returncode == 0, f"sam validate --lint failed:\n{done.stdout}\n{done.stderr}"
    assert "is a valid SAM Template" in done.stdout + done.stderr


def test_sam_build_builds_every_function_and_the_layer(sam_build: Path) -> None:
    built = sam_build.parent
    for name in FUNCTIONS:
        assert (built / name / "app.py").is_file(), f"{name} was not built"
    layer = built / "SharedLayer" / "python"
    assert (layer / "shoal" / "__init__.py").is_file()
    # The pinned dependencies of shared/requirements.txt are installed beside the package.
    pins = [
        line.split("==")[0].replace("-", "_").lower()
        for line in (ROOT / "shared" / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    installed = {p.name.split("-")[0].lower() for p in layer.glob("*.dist-info")}
    assert not set(pins) - installed, f"missing from the built layer: {sorted(set(pins) - installed)}"
    template = yaml.load(sam_build.read_text(), Loader=yaml.BaseLoader)
    assert template["Resources"]["SharedLayer"]["Properties"]["ContentUri"] == "SharedLayer"


def test_built_layer_imports_shoal_and_every_grammar_under_python_313(sam_build: Path) -> None:
    python = require_python313()
    layer = sam_build.parent / "SharedLayer" / "python"
    script = (
        "import json, sys\n"
        "import shoal\n"
        "from shoal.analysis import parser\n"
        "languages = sorted(parser.GRAMMARS)\n"
        "for language in languages:\n"
        "    parser.get_query(language)\n"
        "tree = parser.parse(b'def f(x):\\n    return x\\n', 'python')\n"
        "print(json.dumps({'version': '%d.%d' % sys.version_info[:2], 'shoal': shoal.__file__,\n"
        "                  'languages': languages, 'root': tree.root_node.type}))\n"
    )
    done = subprocess.run(
        [str(python), "-s", "-c", script],
        env={"PYTHONPATH": str(layer), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["version"] == PYTHON_VERSION
    assert result["shoal"].startswith(str(layer))
    assert {"python", "javascript", "typescript", "go", "rust", "java", "c", "cpp"} <= set(result["languages"])
    assert result["root"] == "module"


def test_sam_build_passes_for_every_network_layout(sam_build: Path, tmp_path: Path) -> None:
    """The default layout (Split) is the session's build; the others build from the same cache.
    cfn-lint checks each layout's resolved template (tests/unit/test_template.py)."""
    for overrides in (("NetworkLayout=NatInstance", "HighlyAvailableNat=false"),
                      ("NetworkLayout=NatGateway", "HighlyAvailableNat=false"),
                      ("NetworkLayout=NatGateway", "HighlyAvailableNat=true")):
        build_dir = tmp_path / "-".join(overrides).replace("=", "_")
        done = run_sam("build", "--build-dir", str(build_dir), "--cached", "--cache-dir",
                       str(ROOT / ".aws-sam" / "cache-tests"), "--parameter-overrides", *overrides, timeout=900)
        assert done.returncode == 0, f"sam build {overrides} failed:\n{done.stdout}\n{done.stderr}"
        assert (build_dir / "GitLayer" / "bin" / "git").is_file() and (build_dir / "template.yaml").is_file()


def _machine(elf: Path) -> str:
    header = subprocess.run(["readelf", "-h", str(elf)], capture_output=True, text=True, check=True).stdout
    return header.split("Machine:")[1].splitlines()[0].strip()


def test_sam_build_for_arm64_builds_both_layers_for_arm64(tmp_path: Path) -> None:
    build_dir = tmp_path / "arm64"
    done = run_sam("build", "--build-dir", str(build_dir), "--cached", "--cache-dir",
                   str(ROOT / ".aws-sam" / "cache-tests"), "--parameter-overrides", "Architecture=arm64", timeout=900)
    assert done.returncode == 0, f"sam build for arm64 failed:\n{done.stdout}\n{done.stderr}"
    shared = build_dir / "SharedLayerArm64" / "python"
    assert (shared / "shoal" / "__init__.py").is_file()
    native = sorted(shared.rglob("*.so"))
    assert any("tree_sitter" in str(p) for p in native) and any("re2" in p.name for p in native)
    assert {_machine(p) for p in native} == {"AArch64"}
    assert _machine(build_dir / "GitLayerArm64" / "libexec" / "git-core" / "git") == "AArch64"
