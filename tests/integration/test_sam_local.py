"""`sam local invoke` end to end: the built functions run in a Lambda-like container (SAM CLI's own
runtime interface emulator on a stand-in python3.13 base image, tests/e2e/lambda-python-image.sh),
with the events of events/ and the overrides of events/env-local.json. The orchestrator runs as a
durable function against the durable testing package's emulator (dex-local-runner). No AWS:
the orchestrator invoke of the webhook goes to a Lambda API stub on the Docker bridge.

Skipped, with the reason, when no container engine can start here (tests/e2e/container-engine.sh).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from shoal.github.webhook import WebhookConfig, handle, parse_branches
from tests.e2e.agent_workspace import TAG as WORKSPACE_IMAGE
from tests.e2e.agent_workspace import build as agent_workspace_image
from tests.e2e.sam import E2E, ROOT, require_python313, run_sam, sam_env
from tests.helpers import init_repo

BASE_IMAGE = "public.ecr.aws/lambda/python:3.13-x86_64"
EVENTS = ROOT / "events"
ENV_VARS = EVENTS / "env-local.json"
WEBHOOK_SECRET = "It's a Secret to Everybody"
SIOCGIFADDR = 0x8915  # Linux ioctl: the IPv4 address of a network interface


@pytest.fixture(scope="session")
def container_engine() -> None:
    require_python313()  # no use installing and starting an engine for tests that would skip anyway
    done = subprocess.run(
        ["bash", str(E2E / "container-engine.sh")], capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "exit status %d" % done.returncode
        pytest.skip(f"no container runtime can start here: {reason}")


@pytest.fixture(scope="session")
def lambda_image(container_engine: None) -> Iterator[str]:
    """The stand-in base image SAM looks for, built once and reused while its inputs are unchanged."""
    python = require_python313()
    done = subprocess.run(
        ["bash", str(E2E / "lambda-python-image.sh"), BASE_IMAGE],
        env={**os.environ, "PYTHON313": str(python)},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"building the stand-in Lambda image failed:\n{done.stderr}"
    yield BASE_IMAGE
    # SAM builds the function image (base + layer) again on every invoke, leaving the previous
    # one untagged: drop those. Tagged images, which another test run may be using, stay.
    subprocess.run(["docker", "image", "prune", "-f"], capture_output=True, check=False, timeout=300)


def invoke(template: Path, function: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = run_sam(
        "local", "invoke", function, "--template", str(template), "--skip-pull-image", *args, env=env, timeout=600
    )
    assert done.returncode == 0, f"sam local invoke {function} failed:\n{done.stdout}\n{done.stderr}"
    return done


def response(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The function's return value: the last stdout line of a plain invoke."""
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert lines, f"no response on stdout:\n{done.stderr}"
    answer = json.loads(lines[-1])
    assert "errorType" not in answer, f"the function failed: {answer}\n{done.stderr}"
    return answer


def bridge_gateway() -> str:
    """The host's address on Docker's default bridge: containers reach host services there."""
    done = subprocess.run(
        ["docker", "network", "inspect", "bridge", "-f", '{{index .Options "com.docker.network.bridge.name"}}'],
        capture_output=True, text=True, check=True, timeout=60,
    )
    interface = done.stdout.strip() or "docker0"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("256s", interface.encode()[:15])
        return socket.inet_ntoa(fcntl.ioctl(sock.fileno(), SIOCGIFADDR, request)[20:24])


class LambdaApiStub(ThreadingHTTPServer):
    """The Lambda Invoke API as the webhook's boto3 client speaks it: records each call, answers 202."""

    def __init__(self, host: str) -> None:
        super().__init__((host, 0), _InvokeHandler)
        self.calls: list[dict[str, Any]] = []


class _InvokeHandler(BaseHTTPRequestHandler):
    server: LambdaApiStub

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.calls.append({"path": unquote(self.path), "headers": dict(self.headers), "body": body})
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def lambda_api(container_engine: None) -> Iterator[LambdaApiStub]:
    server = LambdaApiStub(bridge_gateway())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_webhook_answers_ping(sam_build: Path, lambda_image: str) -> None:
    done = invoke(sam_build, "WebhookFunction", "-e", str(EVENTS / "webhook-ping.json"), "--env-vars", str(ENV_VARS))
    answer = response(done)
    assert answer["statusCode"] == 200
    assert json.loads(answer["body"])["reason"] == "pong"


@pytest.mark.parametrize("delivery", ["webhook-push.json", "webhook-pull-request.json"])
def test_webhook_delivery_starts_one_named_orchestrator_execution(
    sam_build: Path, lambda_image: str, lambda_api: LambdaApiStub, tmp_path: Path, delivery: str
) -> None:
    overrides = json.loads(ENV_VARS.read_text())
    host, port = lambda_api.server_address[:2]
    overrides["WebhookFunction"]["SHOAL_LAMBDA_ENDPOINT"] = f"http://{host}:{port}"
    env_file = tmp_path / "env.json"
    env_file.write_text(json.dumps(overrides))
    event = json.loads((EVENTS / delivery).read_text())

    done = invoke(sam_build, "WebhookFunction", "-e", str(EVENTS / delivery), "--env-vars", str(env_file))

    config = WebhookConfig(
        secret=WEBHOOK_SECRET.encode(), branches=parse_branches(overrides["WebhookFunction"]["SHOAL_SCAN_BRANCHES"])
    )
    expected = handle(event, config)
    assert expected.scan is not None, f"events/{delivery} should be a delivery that starts a scan"
    assert response(done)["statusCode"] == 202
    assert len(lambda_api.calls) == 1
    call = lambda_api.calls[0]
    orchestrator = overrides["WebhookFunction"]["SHOAL_ORCHESTRATOR_FUNCTION"]
    assert call["path"] == f"/2015-03-31/functions/{orchestrator}/invocations"
    headers = {k.lower(): v for k, v in call["headers"].items()}
    assert headers["x-amz-invocation-type"] == "Event"
    assert headers["x-amz-durable-execution-name"] == expected.execution_name
    assert json.loads(call["body"]) == json.loads(json.dumps(expected.scan))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def durable_emulator(container_engine: None, tmp_path: Path) -> Iterator[int]:
    """dex-local-runner, the durable testing package's emulator, as SAM's external emulator. It
    listens on every interface: SAM calls it on localhost, the function's container through the
    Docker bridge (host.docker.internal)."""
    runner = Path(sys.executable).with_name("dex-local-runner")
    if not runner.is_file():
        found = shutil.which("dex-local-runner")
        assert found, "dex-local-runner (aws-durable-execution-sdk-python-testing) is not installed"
        runner = Path(found)
    port = free_port()
    log = (tmp_path / "dex-local-runner.log").open("w")
    proc = subprocess.Popen(
        [str(runner), "start-server", "--host", "0.0.0.0", "--port", str(port), "--store-type", "memory"],
        env=sam_env(),  # dummy credentials: it invokes the function through a boto3 Lambda client
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, (tmp_path / "dex-local-runner.log").read_text()
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_orchestrator_runs_a_durable_inline_scan(sam_build: Path, lambda_image: str, durable_emulator: int) -> None:
    env = sam_env(DURABLE_EXECUTIONS_EXTERNAL_EMULATOR_PORT=str(durable_emulator))
    done = invoke(
        sam_build,
        "OrchestratorFunction",
        "-e", str(EVENTS / "orchestrator-local.json"),
        "--env-vars", str(ENV_VARS),
        "--durable-execution-name", "e2e-orchestrator",
        env=env,
    )
    status = re.search(r"^Status:\s+(\w+)", done.stdout, re.MULTILINE)
    assert status and status.group(1) == "SUCCEEDED", f"{done.stdout}\n{done.stderr}"
    result = json.loads(re.search(r"^Result:\s+(\{.*\})\s*$", done.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert result["scan_id"] == "shoal-self"
    assert result["files"] >= 1 and result["partitions"] >= 1
    assert result["failed"] is False and result["failed_partitions"] == []
    assert set(result["reports"]) == {"html", "json", "md", "sarif"}
    # The stages ran in the function's container (its Powertools log lines), checkpointed through the emulator.
    for message in ("checked out", "planned", "merged"):
        assert f'"message":"{message}"' in done.stderr


@pytest.fixture
def agent_workspace(tmp_path: Path, lambda_image: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """A scan of real source planned on this machine, baked into an image at /mnt/workspace where
    the agent's S3 Files mount would be (sam local mounts no file systems). Yields the image (a
    tag of this test's own, so concurrent test runs cannot swap it) and the agent's event."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "shared" / "shoal" / "handlers", repo, ignore=shutil.ignore_patterns("__pycache__"))
    tag = f"{WORKSPACE_IMAGE.split(':')[0]}:e2e-{uuid.uuid4().hex[:12]}"
    event = agent_workspace_image(repo, tag, lambda_image)
    yield tag, event
    subprocess.run(["docker", "rmi", "-f", tag], capture_output=True, check=False, timeout=300)


def test_agent_analyses_its_partition_in_the_workspace(
    sam_build: Path, agent_workspace: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    image, task = agent_workspace
    event = tmp_path / "agent.json"
    event.write_text(json.dumps(task))
    done = invoke(sam_build, "AgentFunction", "-e", str(event), "--invoke-image", f"AgentFunction={image}")
    result = response(done)
    assert result["partition"] == task["partition"]
    assert result["shard"] == f"scans/{task['scan_id']}/shards/{task['partition']}.json"
    assert re.fullmatch(r"[0-9a-f]{64}", result["sha256"])
    assert result["files"] >= 1 and result["functions"] >= 1


def test_orchestrator_checks_a_git_repository_out_with_the_git_layer(
    sam_build: Path, lambda_image: str, durable_emulator: int, tmp_path: Path
) -> None:
    """The runtime image has no git (nor has the stand-in, nor its libraries): the checkout of a
    git repository can only run the GitLayer's git, found through /opt/bin and GIT_EXEC_PATH."""
    # The orchestrator's code folder made a git repository; its path in the container is /var/task.
    code = tmp_path / "OrchestratorFunction"
    shutil.copytree(sam_build.parent / "OrchestratorFunction", code)
    commit = init_repo(code, "code")
    # The built template with that folder as the orchestrator's code and the built rest where it is.
    built = sam_build.read_text()
    built = re.sub(r"^(\s+(?:CodeUri|ContentUri): )(\w+)$", lambda m: f"{m[1]}{sam_build.parent / m[2]}",
                   built, flags=re.MULTILINE)
    template = tmp_path / "template.yaml"
    template.write_text(built.replace(str(sam_build.parent / "OrchestratorFunction"), str(code)))
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"scan_id": "git-layer", "repository": "/var/task", "ref": "main",
                                 "options": {"fanout": "inline", "max_partitions": 1}}))

    env = sam_env(DURABLE_EXECUTIONS_EXTERNAL_EMULATOR_PORT=str(durable_emulator))
    done = invoke(template, "OrchestratorFunction", "-e", str(event), "--env-vars", str(ENV_VARS),
                  "--durable-execution-name", "e2e-git-layer", env=env)
    status = re.search(r"^Status:\s+(\w+)", done.stdout, re.MULTILINE)
    assert status and status.group(1) == "SUCCEEDED", f"{done.stdout}\n{done.stderr}"
    assert '"message":"checked out"' in done.stderr and f'"commit":"{commit}"' in done.stderr, done.stderr
