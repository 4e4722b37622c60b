"""Every setting Shoal reads, its environment variable and its default, in one place.

Precedence: an explicit argument (CLI flag, event field) wins over the environment, which wins
over the scanned repository's `.shoal.toml` (for what it may set), which wins over the default. Settings are read once, inside a durable step, and then travel as a small dict.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from shoal.errors import InputError
from shoal.models import Severity

# Environment variable names: the only place they are spelled out.
ENV_WORKSPACE = "SHOAL_WORKSPACE"
ENV_SCRATCH = "SHOAL_SCRATCH"
ENV_ALLOWED_HOSTS = "SHOAL_ALLOWED_HOSTS"
ENV_MAX_PARTITIONS = "SHOAL_MAX_PARTITIONS"
ENV_MIN_PARTITION_BYTES = "SHOAL_MIN_PARTITION_BYTES"
ENV_MAX_FILE_BYTES = "SHOAL_MAX_FILE_BYTES"
ENV_FANOUT = "SHOAL_FANOUT"
ENV_AGENT_FUNCTION = "SHOAL_AGENT_FUNCTION"
ENV_MAX_CONCURRENCY = "SHOAL_MAX_CONCURRENCY"
ENV_FAIL_ON = "SHOAL_FAIL_ON"
ENV_MAX_CCN = "SHOAL_MAX_CCN"
ENV_MAX_FUNCTION_LINES = "SHOAL_MAX_FUNCTION_LINES"
ENV_MAX_PARAMS = "SHOAL_MAX_PARAMS"
ENV_MAX_NESTING = "SHOAL_MAX_NESTING"
ENV_SECURITY = "SHOAL_SECURITY"
ENV_VERIFY_SECRETS = "SHOAL_VERIFY_SECRETS"
ENV_MAX_FAILED_PARTITIONS = "SHOAL_MAX_FAILED_PARTITIONS"
ENV_AGENT_ATTEMPTS = "SHOAL_AGENT_ATTEMPTS"
ENV_THROTTLE_WAIT = "SHOAL_THROTTLE_WAIT"
ENV_THROTTLE_MAX_WAIT = "SHOAL_THROTTLE_MAX_WAIT"
ENV_THROTTLE_RETRIES = "SHOAL_THROTTLE_RETRIES"
ENV_FAULTS = "SHOAL_FAULTS"
ENV_RETENTION_DAYS = "SHOAL_RETENTION_DAYS"
ENV_GITHUB_PUBLISH = "SHOAL_GITHUB_PUBLISH"
ENV_GITHUB_SARIF_UPLOAD = "SHOAL_GITHUB_SARIF_UPLOAD"
ENV_GITHUB_API_URL = "SHOAL_GITHUB_API_URL"
ENV_GITHUB_CHECK_NAME = "SHOAL_GITHUB_CHECK_NAME"
ENV_GITHUB_MAX_ANNOTATIONS = "SHOAL_GITHUB_MAX_ANNOTATIONS"
ENV_GITHUB_DETAILS_URL = "SHOAL_GITHUB_DETAILS_URL"
# The token is never a Setting (settings are checkpointed): it is read inside the publish step.
ENV_GITHUB_TOKEN = "SHOAL_GITHUB_TOKEN"  # the token itself, for local use
ENV_GITHUB_TOKEN_SECRET = "SHOAL_GITHUB_TOKEN_SECRET"  # a Secrets Manager secret name (Lambda)
ENV_AGENT_TIMEOUT = "SHOAL_AGENT_TIMEOUT"
ENV_PARSE_BUDGET_MS = "SHOAL_PARSE_BUDGET_MS"
ENV_ALL_FINDINGS = "SHOAL_ALL_FINDINGS"
ENV_FAIL_SCOPE = "SHOAL_FAIL_SCOPE"
ENV_REPO_CACHE = "SHOAL_REPO_CACHE"
ENV_REPO_CACHE_DAYS = "SHOAL_REPO_CACHE_DAYS"
ENV_INCREMENTAL = "SHOAL_INCREMENTAL"
ENV_EXECUTION_TIMEOUT = "SHOAL_EXECUTION_TIMEOUT"
ENV_REUSE_FINISHED = "SHOAL_REUSE_FINISHED"
# Not settings: event options can override settings, and these must never come from an event.
# The local engine marks its own process so; SAM CLI's local emulation sets AWS_SAM_LOCAL itself.
ENV_LOCAL_ENGINE = "SHOAL_LOCAL_ENGINE"
ENV_SAM_LOCAL = "AWS_SAM_LOCAL"
# Not a setting either: a file for measurements (shoal.stepfigures), never part of a scan's result.
ENV_STEP_FIGURES = "SHOAL_STEP_FIGURES"

THRESHOLD_VARIABLES = {"max_ccn": ENV_MAX_CCN, "max_function_lines": ENV_MAX_FUNCTION_LINES,
                       "max_params": ENV_MAX_PARAMS, "max_nesting": ENV_MAX_NESTING}

FANOUT_MODES = ("invoke", "inline")
# Injected into named partitions' agents, for tests and drills: "raise" fails every attempt,
# "flaky" only the first; "hang" outlives the agent timeout and "die" kills the agent's process,
# every attempt, or only the first with "-once".
FAULT_KINDS = ("raise", "flaky", "hang", "hang-once", "die", "die-once")
# Faults that take the agent's process or its time: inline, that process is the orchestrator's.
PROCESS_FAULTS = ("hang", "hang-once", "die", "die-once")
FAIL_ON_CHOICES = ("error", "warning", "note", "none")
# review: a pull request gets a summary comment and a review; anything else a check run.
GITHUB_PUBLISH_MODES = ("check", "status", "review", "none")
DEFAULT_FAIL_ON = "error"
# With a baseline in effect, which findings the failure threshold applies to.
FAIL_SCOPES = ("new", "all")


@dataclass(frozen=True)
class Thresholds:
    """A function over any of these gets a metrics finding (lizard's CCN warning level is 15)."""

    max_ccn: int = 15
    max_function_lines: int = 150
    max_params: int = 7
    max_nesting: int = 5


def default_workspace(env: Mapping[str, str] | None = None) -> str:
    """The user's cache folder (XDG), outside every project: `shoal scan .` then scans a folder or
    a repository without the workspace landing in (and overlapping) what it scans."""
    env = os.environ if env is None else env
    cache = env.get("XDG_CACHE_HOME") or (str(Path(env["HOME"]) / ".cache") if env.get("HOME") else "")
    return str(Path(cache) / "shoal" / "workspace") if cache else ".shoal/workspace"


@dataclass(frozen=True)
class Settings:
    workspace: str = field(default_factory=default_workspace)
    scratch: str = ""  # empty: the system temp folder
    allowed_hosts: tuple[str, ...] = ("github.com",)
    max_partitions: int = 64
    min_partition_bytes: int = 256 * 1024
    max_file_bytes: int = 1024 * 1024
    fanout: str = "invoke"
    agent_function: str = "shoal-agent"
    max_concurrency: int = 16
    fail_on: str = ""  # empty: not set here, so .shoal.toml or DEFAULT_FAIL_ON decides
    security: bool = True  # security rules and secrets; False scans metrics only
    verify_secrets: bool = False  # the merge asks providers whether found credentials are live (network)
    max_failed_partitions: int = -1  # -1: any number may fail and the scan is partial
    agent_attempts: int = 3  # tries per partition before it counts as failed
    # A throttled agent invoke (the account or the agent's reserved concurrency is full) is not a
    # failure of the partition: it waits, doubling from throttle_wait up to throttle_max_wait
    # seconds with jitter, up to throttle_retries times (about 25 minutes by default).
    throttle_wait: int = 5
    throttle_max_wait: int = 300
    throttle_retries: int = 8
    faults: str = ""  # "p0001:raise,p0002:flaky": fault injection, never set in production
    retention_days: int = 14  # `shoal clean` removes scan folders older than this
    github_publish: str = "none"  # after the merge: a check run, a commit status, a review, or nothing
    github_sarif_upload: bool = False  # also upload the SARIF report to code scanning
    github_api_url: str = "https://api.github.com"  # GitHub Enterprise Server: https://<host>/api/v3
    github_check_name: str = "Shoal"  # check run name, status context (lower case), SARIF tool name
    github_max_annotations: int = 1000  # the most severe findings annotated; GitHub takes 50 a request
    github_details_url: str = ""  # link on the check run / status; "{scan_id}" is filled in
    agent_timeout: int = 900  # seconds an agent may run: Lambda's function timeout (template.yaml)
    parse_budget_ms: int = 5000  # parse time allowed per started MB of a file, then it is skipped
    all_findings: bool = False  # diff scans: report every finding in touched files, not only changed lines
    fail_scope: str = "new"  # with a baseline: "new" findings alone can fail the scan, or "all"
    repo_cache: bool = True  # keep each repository's git objects in <workspace>/cache/repos
    repo_cache_days: int = 30  # `shoal clean` removes repository caches unused for this long
    # Full scans reuse the results of files unchanged since the repository's last scan (shoal.scan.incremental).
    incremental: bool = True
    # One execution per scan folder (shoal.scan.claims): a claim older than the durable execution
    # timeout (template.yaml DurableConfig) is stale; a finished scan's result is reused, not redone.
    claim_scans: bool = True  # the local engine turns it off: its flock already serialises runs
    execution_timeout: int = 7200
    reuse_finished: bool = True
    thresholds: Thresholds = Thresholds()
    # Limits set by a flag or SHOAL_MAX_*: they win over .shoal.toml's [metrics].
    thresholds_set: tuple[str, ...] = ()
    # What to scan and report, beside (or instead of) the scanned repository's .shoal.toml:
    include: tuple[str, ...] = ()  # gitignore-style patterns added to .shoal.toml's scan.include
    exclude: tuple[str, ...] = ()  # added to scan.exclude
    exclude_rules: tuple[str, ...] = ()  # added to rules.disable
    config_toml: str = ""  # a .shoal.toml's text used instead of the repository's (shoal scan -c)
    min_severity: str = ""  # reports leave out findings below this severity; empty: none left out

    def __post_init__(self) -> None:
        # Event options and checkpoints carry lists: equal settings must compare (and hash) equal.
        for name in ("thresholds_set", "include", "exclude", "exclude_rules"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.min_severity:
            _check_choice("min_severity", self.min_severity, tuple(s.value for s in Severity))
        _check_choice("fanout", self.fanout, FANOUT_MODES)
        _check_choice("github_publish", self.github_publish, GITHUB_PUBLISH_MODES)
        _check_choice("fail_scope", self.fail_scope, FAIL_SCOPES)
        if self.github_max_annotations < 0:
            raise InputError(f"setting github_max_annotations must be 0 or more, got {self.github_max_annotations}")
        if self.fail_on:
            _check_choice("fail_on", self.fail_on, FAIL_ON_CHOICES)
        for name in (
            "max_partitions", "min_partition_bytes", "max_file_bytes", "max_concurrency", "agent_attempts",
            "agent_timeout", "execution_timeout", "throttle_wait", "throttle_max_wait",
        ):
            if getattr(self, name) < 1:
                raise InputError(f"setting {name} must be at least 1, got {getattr(self, name)}")
        if self.max_failed_partitions < -1:
            raise InputError(f"setting max_failed_partitions must be -1 (any) or more, got {self.max_failed_partitions}")
        if self.repo_cache_days < 0:
            raise InputError(f"setting repo_cache_days must be 0 or more, got {self.repo_cache_days}")
        if self.throttle_retries < 0:
            raise InputError(f"setting throttle_retries must be 0 or more, got {self.throttle_retries}")
        if self.parse_budget_ms < 0:
            raise InputError(f"setting parse_budget_ms must be 0 or more, got {self.parse_budget_ms}")
        faults = self.fault_plan()  # refuse a malformed fault list early
        if self.fanout == "inline" and any(kind in PROCESS_FAULTS for kind in faults.values()):
            raise InputError(
                "faults hang and die need fanout 'invoke': inline, the agent runs in the orchestrator's "
                "own process, which the fault would take down"
            )

    def fault_plan(self) -> dict[str, str]:
        """Partition id -> injected fault kind."""
        plan: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in self.faults.split(","))):
            partition, _, kind = item.partition(":")
            if not partition or kind not in FAULT_KINDS:
                raise InputError(f"fault {item!r} is not <partition>:<{'|'.join(FAULT_KINDS)}>")
            plan[partition] = kind
        return plan

    def too_many_failures(self, failed: int) -> bool:
        return self.max_failed_partitions >= 0 and failed > self.max_failed_partitions

    def failure_threshold(self, repository_default: str | None = None) -> Severity | None:
        """The lowest severity that fails the scan: this setting, else the repository's, else error."""
        fail_on = self.fail_on or repository_default or DEFAULT_FAIL_ON
        return None if fail_on == "none" else Severity(fail_on)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["allowed_hosts"] = list(self.allowed_hosts)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        values = dict(data)
        values["allowed_hosts"] = tuple(values.get("allowed_hosts", cls.allowed_hosts))
        values["thresholds"] = Thresholds(**values.get("thresholds", {}))
        return cls(**values)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """Apply explicit values (CLI flags, event options); None means 'not given'."""
        known = {f.name for f in fields(self)} | {f.name for f in fields(Thresholds)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise InputError(f"unknown option(s) {', '.join(unknown)}: known are {sorted(known)}")
        given = {k: v for k, v in overrides.items() if v is not None}
        limits = {k: given.pop(k) for k in list(given) if k in Thresholds.__dataclass_fields__}
        explicit = tuple(sorted({*self.thresholds_set, *limits}))
        return replace(self, **given, thresholds=replace(self.thresholds, **limits), thresholds_set=explicit)

    def with_repository_limits(self, limits: Mapping[str, int]) -> Thresholds:
        """The thresholds once a repository's [metrics] applies: a flag or variable still wins."""
        wanted = {k: v for k, v in limits.items() if k not in self.thresholds_set}
        return replace(self.thresholds, **wanted)


def local_paths_allowed(env: Mapping[str, str] | None = None) -> bool:
    """Whether the orchestrator may scan a local path: only under the local engine (`shoal scan`)
    or `sam local`, never in a deployed function, whose events come from webhooks and schedules."""
    env = os.environ if env is None else env
    return env.get(ENV_LOCAL_ENGINE) == "1" or env.get(ENV_SAM_LOCAL) == "true"


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InputError(f"setting {name} is {value!r}: choose one of {', '.join(choices)}")


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise InputError(f"{name}={raw!r} is not a whole number") from None


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise InputError(f"{name}={raw!r} is not a switch: use true or false")


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the environment (os.environ by default), defaults for what is unset."""
    env = os.environ if env is None else env
    base = Settings()
    hosts = env.get(ENV_ALLOWED_HOSTS)
    return Settings(
        workspace=env.get(ENV_WORKSPACE) or default_workspace(env),
        scratch=env.get(ENV_SCRATCH, base.scratch),
        allowed_hosts=tuple(h.strip() for h in hosts.split(",") if h.strip())
        if hosts
        else base.allowed_hosts,
        max_partitions=_int(env, ENV_MAX_PARTITIONS, base.max_partitions),
        min_partition_bytes=_int(env, ENV_MIN_PARTITION_BYTES, base.min_partition_bytes),
        max_file_bytes=_int(env, ENV_MAX_FILE_BYTES, base.max_file_bytes),
        fanout=env.get(ENV_FANOUT) or base.fanout,
        agent_function=env.get(ENV_AGENT_FUNCTION) or base.agent_function,
        max_concurrency=_int(env, ENV_MAX_CONCURRENCY, base.max_concurrency),
        fail_on=env.get(ENV_FAIL_ON) or base.fail_on,
        security=_flag(env, ENV_SECURITY, base.security),
        verify_secrets=_flag(env, ENV_VERIFY_SECRETS, base.verify_secrets),
        max_failed_partitions=_int(env, ENV_MAX_FAILED_PARTITIONS, base.max_failed_partitions),
        agent_attempts=_int(env, ENV_AGENT_ATTEMPTS, base.agent_attempts),
        throttle_wait=_int(env, ENV_THROTTLE_WAIT, base.throttle_wait),
        throttle_max_wait=_int(env, ENV_THROTTLE_MAX_WAIT, base.throttle_max_wait),
        throttle_retries=_int(env, ENV_THROTTLE_RETRIES, base.throttle_retries),
        faults=env.get(ENV_FAULTS, base.faults),
        retention_days=_int(env, ENV_RETENTION_DAYS, base.retention_days),
        github_publish=env.get(ENV_GITHUB_PUBLISH) or base.github_publish,
        github_sarif_upload=_flag(env, ENV_GITHUB_SARIF_UPLOAD, base.github_sarif_upload),
        github_api_url=env.get(ENV_GITHUB_API_URL) or base.github_api_url,
        github_check_name=env.get(ENV_GITHUB_CHECK_NAME) or base.github_check_name,
        github_max_annotations=_int(env, ENV_GITHUB_MAX_ANNOTATIONS, base.github_max_annotations),
        github_details_url=env.get(ENV_GITHUB_DETAILS_URL, base.github_details_url),
        agent_timeout=_int(env, ENV_AGENT_TIMEOUT, base.agent_timeout),
        parse_budget_ms=_int(env, ENV_PARSE_BUDGET_MS, base.parse_budget_ms),
        all_findings=_flag(env, ENV_ALL_FINDINGS, base.all_findings),
        fail_scope=env.get(ENV_FAIL_SCOPE) or base.fail_scope,
        repo_cache=_flag(env, ENV_REPO_CACHE, base.repo_cache),
        repo_cache_days=_int(env, ENV_REPO_CACHE_DAYS, base.repo_cache_days),
        incremental=_flag(env, ENV_INCREMENTAL, base.incremental),
        execution_timeout=_int(env, ENV_EXECUTION_TIMEOUT, base.execution_timeout),
        reuse_finished=_flag(env, ENV_REUSE_FINISHED, base.reuse_finished),
        thresholds_set=tuple(name for name, variable in THRESHOLD_VARIABLES.items() if env.get(variable)),
        thresholds=Thresholds(
            max_ccn=_int(env, ENV_MAX_CCN, base.thresholds.max_ccn),
            max_function_lines=_int(env, ENV_MAX_FUNCTION_LINES, base.thresholds.max_function_lines),
            max_params=_int(env, ENV_MAX_PARAMS, base.thresholds.max_params),
            max_nesting=_int(env, ENV_MAX_NESTING, base.thresholds.max_nesting),
        ),
    )
