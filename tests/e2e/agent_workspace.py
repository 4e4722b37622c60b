"""A workspace for `sam local invoke AgentFunction`: an agent analyses one partition of a scan that
the orchestrator has already checked out and planned in the workspace (the S3 Files mount at
/mnt/workspace when deployed). sam local mounts no file systems, so this plans a scan of SOURCE on
this machine with the real pipeline stages, bakes the workspace into an image at /mnt/workspace
(FROM the Lambda python3.13 base image) and writes the agent's event for its first partition.

    .venv/bin/python -m tests.e2e.agent_workspace SOURCE EVENT_OUT [--tag TAG]
    sam local invoke AgentFunction -e EVENT_OUT --invoke-image AgentFunction=TAG --skip-pull-image
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from shoal.scan.agent import AgentTask
from shoal.config import Settings
from shoal.errors import ShoalError
from shoal.scan.pipeline import ScanRequest, checkout_stage, plan_stage
from shoal.workspace import ScanPaths

BASE_IMAGE = "public.ecr.aws/lambda/python:3.13-x86_64"
TAG = "shoal-e2e/agent-workspace:latest"
SCAN_ID = "local-agent"


def build(source: Path, tag: str = TAG, base_image: str = BASE_IMAGE) -> dict[str, Any]:
    """Plan a scan of source, build the image holding its workspace; returns the agent's event."""
    with tempfile.TemporaryDirectory(prefix="shoal-agent-workspace-") as scratch:
        context = Path(scratch)
        settings = Settings(workspace=str(context / "workspace"))
        request = ScanRequest(scan_id=SCAN_ID, repository=str(source.resolve()), ref=None)
        checkout_stage(request, settings)
        plan = plan_stage(request.scan_id, settings)
        dockerfile = f"FROM {base_image}\nCOPY workspace /mnt/workspace\n"
        if ScanPaths(Path(settings.workspace), SCAN_ID).source_manifest.exists():
            # A plain folder is read where it is, not copied into the workspace: the image holds it
            # at the same path, as the machine that planned the scan does.
            shutil.copytree(source, context / "in-place", symlinks=True)
            dockerfile += f"COPY in-place {source.resolve().as_posix()}\n"
        (context / "Dockerfile").write_text(dockerfile)
        done = subprocess.run(
            ["docker", "build", "-q", "-t", tag, str(context)], capture_output=True, text=True, timeout=600, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"docker build of {tag} failed: {done.stderr.strip()}")
    return AgentTask(request.scan_id, plan.plan, plan.sha256, plan.partitions[0], settings.thresholds).to_event()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="a folder or git repository to plan a scan of")
    parser.add_argument("event", type=Path, help="where to write the agent's event (JSON)")
    parser.add_argument("--tag", default=TAG, help=f"the image to build (default {TAG})")
    args = parser.parse_args(argv)
    try:
        event = build(args.source, args.tag)
    except (ShoalError, RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.event.write_text(json.dumps(event, indent=2) + "\n")
    print(f"sam local invoke AgentFunction -e {args.event} --invoke-image AgentFunction={args.tag} --skip-pull-image")
    return 0


if __name__ == "__main__":
    sys.exit(main())
