"""The local engine: runs the real orchestrator handler through the durable SDK's local runner, with
each agent invocation executed in a separate worker process, as Lambda runs each in its own sandbox.

The runner executes `ctx.invoke` targets on threads; analysis is CPU-bound, so the registered agent
hands each payload to a worker process (shoal.local.workers) and waits for it, up to the agent timeout.
"""

from __future__ import annotations

import gc
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from shoal.local import early
from shoal.config import ENV_LOCAL_ENGINE, Settings, settings_from_env
from shoal.local.durable_runner import shorten_checkpoint_shutdown, shorten_pending_race_backoff
from shoal.errors import ShoalError
from shoal.request import ScanRequest
from shoal.stepfigures import measured
from shoal.testhooks import reached
from shoal.local.workers import WorkerPool

ORCHESTRATOR_NAME = "shoal-orchestrator"

# (event kind, payload) -> None; kinds: "started" (workers started: from now on this process
# runs threads), "agent-start", "agent-done".
ProgressCallback = Callable[[str, dict[str, Any]], None]


@dataclass
class LocalLambdaContext:
    """The attributes of a Lambda context that handlers and Powertools read."""

    function_name: str
    aws_request_id: str
    memory_limit_in_mb: int = 1769
    function_version: str = "$LATEST"

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:local:000000000000:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return 900_000


# Partitions per worker on this machine: enough to even out the last ones, few enough that the
# orchestrator's replays (one per completed batch of agents) stay cheap. Measured on Django 5.2.19:
# 4 per worker scanned in 2.74 s, 8 per worker in 2.87 s.
PARTITIONS_PER_WORKER = 4


def local_options(workers: int, max_partitions: int | None = None) -> dict[str, Any]:
    """Event options for a scan here: every partition in flight at once, since the worker pool,
    not the orchestrator, bounds the CPU used; fewer in-flight limits mean more replays. No
    claim files: the CLI's flock already keeps one run per scan folder, and a --fresh run must
    not be turned away by the claim of the run it replaces."""
    partitions = max_partitions or PARTITIONS_PER_WORKER * workers
    return {"max_partitions": partitions, "max_concurrency": partitions, "claim_scans": False}


def _settings(event: dict[str, Any]) -> Settings:
    """The settings as the orchestrator will configure them (bad options fail there, clearly)."""
    try:
        return settings_from_env().with_overrides(event.get("options") or {})
    except (ShoalError, TypeError):
        return Settings()


def _src_root(settings: Settings, event: dict[str, Any]) -> str | None:
    """Where checkout exports the scan's files (the key of its early work), if the event is valid."""
    from shoal.workspace import ScanPaths

    try:
        return str(ScanPaths(Path(settings.workspace), str(event.get("scan_id", ""))).src)
    except ShoalError:
        return None


def _read_root(settings: Settings, event: dict[str, Any], src: str | None) -> str | None:
    """Where the agents will read the scan's files: the export, or a plain folder itself (read in
    place, shoal.source.inplace), so that the warm-up prepares the engine they will ask for."""
    from shoal.source.checkout import is_plain_directory
    from shoal.source.specs import parse_repository

    try:
        spec = parse_repository(str(event.get("repository", "")), settings.allowed_hosts)
    except ShoalError:
        return src
    return spec.location if is_plain_directory(spec) else src


def _request(event: dict[str, Any]) -> ScanRequest | None:
    """The event's request as the orchestrator will read it, or None (it fails there, clearly)."""
    try:
        return ScanRequest.from_event(event)
    except ShoalError:
        return None


class ScanFailed(ShoalError):
    """The durable execution ended without success; the message is the step's own error."""


def _warm_up(security: bool = True, src_root: str | None = None) -> None:
    """Import the agent and compile the common queries while the engine imports the runner (0.1 s
    off a Django scan's wall time, measured). The rules and secrets only for a scan that runs
    them: loading the built-in rules and compiling their combined queries for the common
    languages was half a second of each worker's first partition. Then the scan's engine, with a
    repository that has no configuration of its own (most of them), finds them compiled."""
    with _imports_uncollected():
        import shoal.handlers.agent
        from shoal.analysis import parser

        for language in _COMMON_LANGUAGES:
            parser.get_query(language)
        import shoal.secrets  # noqa: F401 - every agent runs the detectors over the texts of its shard
        if security and src_root is not None:
            from shoal.repoconfig import RepoConfig
            from shoal.scan.security import engine_for

            try:
                engine_for(src_root, RepoConfig()).prepare(_COMMON_LANGUAGES)
            except Exception:  # noqa: BLE001 - only a head start: the agent meets the error and reports it
                pass


_COMMON_LANGUAGES = ("python", "javascript")


def _preload(security: bool) -> None:
    """Load, before the parked workers are forked, what this process loads anyway: the secret
    detectors (the merge and the terminal redact with them) and the built-in rules (the plan
    checks them). The workers then inherit both: 0.45 s of each one's 0.7 s warm-up with the
    rules, measured, and this process does no work it would not have done later. (Its own full
    warm-up, queries and the agent included, cost a scan of a few files 0.15 s of wall time.)"""
    with _imports_uncollected():
        import shoal.secrets  # noqa: F401 - imported for its detectors, loaded at import

        if security:
            from shoal.rules.registry import builtin_rules

            builtin_rules()


@contextmanager
def _imports_uncollected() -> Iterator[None]:
    """Imports allocate objects that live as long as the process, which usually ends with this
    scan: collections during them find nothing (0.03-0.05 s of the 0.3 s, measured). Frozen
    afterwards, they are also left out of every later collection and of Python's shutdown (0.05 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _invoke_agent(payload: dict[str, Any]) -> dict[str, Any]:
    # Imported in the worker so the parent does not pay for it, and to run the very Lambda handler.
    from shoal.handlers.agent import handler

    partition = str(payload.get("partition", ""))
    reached("agent", partition)
    context = LocalLambdaContext(function_name="shoal-agent", aws_request_id=str(uuid.uuid4()))
    with measured("agent", "worker", partition=partition, attempt=int(payload.get("attempt", 0) or 0)):
        return handler(payload, context)  # type: ignore[arg-type]  # the attributes Powertools reads


class LocalEngine:
    """Runs scans on this machine with `workers` agent processes."""

    def __init__(
        self, workers: int, environment: dict[str, str], progress: ProgressCallback | None = None, *,
        early: bool = True,
    ):
        """`early=False` keeps the checkout in this process, where a caller can time it."""
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.environment = environment
        self.progress = progress or (lambda kind, data: None)
        self.early = early

    @contextmanager
    def _workers(self, event: dict[str, Any], settings: Settings, resumed: bool) -> Iterator[WorkerPool | None]:
        """The agent workers, none for inline fan-out (which runs the agents in this process).

        The first starts first and warms up on the other core while this process imports the
        runner and the orchestrator (0.25 s), when it would have nothing else to do; for a fresh
        scan it checks the repository out and inventories it even before warming up
        (shoal.local.early). The others are forked parked, warm, and woken when the early
        inventory or the agents' calls show work for them."""
        if (event.get("options") or {}).get("fanout") == "inline":
            yield None
            return
        deadline = float(settings.agent_timeout)
        src = _src_root(settings, event)
        warm_up = partial(_warm_up, settings.security, _read_root(settings, event, src))
        wanted = self.early and not resumed and src is not None
        with early.scan_work(_request(event), settings, src or "", wanted) as work:
            first = work.jobs() if work is not None else ()
            # One worker at first (the early checkout's), the others as agents need them: a scan
            # with fewer partitions than --workers starts no worker it would leave idle.
            # What this process loads anyway is loaded before the others are forked, so they inherit it.
            with WorkerPool(self.workers, self.environment, warm_up=warm_up, first=first, started=1,
                            inherit=partial(_preload, settings.security)) as pool:
                offers = early.Offers(pool, work, deadline) if work is not None else None
                try:
                    yield pool
                finally:
                    if offers is not None:
                        offers.withdraw()

    def run(
        self, event: dict[str, Any], agent_function: str, timeout_seconds: int = 6 * 3600, state: Path | None = None
    ) -> dict[str, Any]:
        """Run one orchestrator execution to completion and return its summary.

        With `state` (a scan's state folder), the execution is kept there: an unfinished one a
        killed run left behind is resumed (its own event is run, not `event`), else a new one starts.
        """
        from shoal.local.scanstate import ScanState, stored_event

        scan_state = ScanState(state) if state is not None else None
        previous = scan_state.resumable() if scan_state is not None else None
        if previous is not None:
            event = stored_event(previous)
        elif scan_state is not None:
            scan_state.start_fresh()
        # Settings are read inside the orchestrator from the environment: give it the same one,
        # marked as the local engine's (which alone may scan a local path).
        os.environ.update(self.environment)
        with _local_engine_marked():
            return self._run(event, agent_function, timeout_seconds, scan_state, previous)

    def _run(
        self, event: dict[str, Any], agent_function: str, timeout_seconds: int, scan_state: Any, previous: Any
    ) -> dict[str, Any]:
        from shoal.local.scanstate import resume

        settings = _settings(event)
        deadline = float(settings.agent_timeout)
        shards = early.ShardReader(settings.workspace)
        with self._workers(event, settings, resumed=previous is not None) as pool, _closing(shards):
            self.progress("started", {})
            with _imports_uncollected():
                # Imported here, not at the top: a spawned worker would import them again, and a
                # forked one needs none of them.
                from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner

                from shoal.handlers.orchestrator import handler

            def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
                self.progress("agent-start", payload)
                # Lambda's function timeout, here: a hung agent is stopped and its invoke fails.
                assert pool is not None, "inline fan-out never invokes an agent function"
                result = pool.call(_invoke_agent, payload, timeout=deadline)
                shards.returned(payload, result)
                reached("agent-returned", str(payload.get("partition", "")))
                self.progress("agent-done", result)
                return result

            with DurableFunctionTestRunner(
                handler=handler, execution_timeout=timeout_seconds, invocation_timeout=timeout_seconds,
                store=scan_state.store() if scan_state is not None else None,
            ) as runner:
                shorten_pending_race_backoff(runner)
                shorten_checkpoint_shutdown()
                runner.register_function(agent_function, agent)
                if previous is not None:
                    arn = resume(runner, previous, timeout_seconds)
                else:
                    arn = runner.run_async(
                        input=json.dumps(event),
                        execution_timeout=timeout_seconds,
                        function_name=ORCHESTRATOR_NAME,
                        execution_name=str(event.get("scan_id", "scan")),
                    )
                outcome = runner.wait_for_result(arn, timeout=timeout_seconds)
        if outcome.error is not None or outcome.result is None:
            raise ScanFailed(_error_text(outcome.error))
        self.last_operations = outcome.get_all_operations()
        return json.loads(outcome.result)


@contextmanager
def _closing(shards: early.ShardReader) -> Iterator[None]:
    try:
        yield
    finally:
        shards.close()


@contextmanager
def _local_engine_marked() -> Iterator[None]:
    """This process runs the local engine while the block runs (the orchestrator then accepts a
    local path), and not after: a webhook handler in the same process must still refuse one."""
    before = os.environ.get(ENV_LOCAL_ENGINE)
    os.environ[ENV_LOCAL_ENGINE] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_LOCAL_ENGINE, None)
        else:
            os.environ[ENV_LOCAL_ENGINE] = before


def _error_text(error: Any) -> str:
    if error is None:
        return "the scan ended without a result"
    message = getattr(error, "message", None) or str(error)
    return str(message)
