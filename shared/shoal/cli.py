"""The `shoal` command: scan a repository on this machine through the same handlers Lambda runs.

Exit status: 0 no finding at or above the failure threshold, 1 findings at or above it, 2 error,
3 partial (some partitions failed; the reports name them and their files). With a baseline in
effect only new findings count towards status 1 (`--fail-scope all` counts every finding). Publishing to GitHub
(--publish, --sarif-upload) never changes it: a failure to publish is printed, the reports stay.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import sys
import tempfile
from datetime import datetime, UTC
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from shoal import __version__
from shoal.config import (
    ENV_MAX_CCN, ENV_MAX_FUNCTION_LINES, ENV_MAX_NESTING, ENV_MAX_PARAMS, ENV_WORKSPACE, FAIL_ON_CHOICES, FAIL_SCOPES,
    FANOUT_MODES, Settings, settings_from_env,
)
from shoal.local.cpus import available_cpus
from shoal.errors import ShoalError
from shoal.local.engine import LocalEngine, local_options
from shoal.outputs import Output, checked_outputs, format_for
from shoal.outputs import render as render_output
from shoal.outputs import write as write_outputs
from shoal.outputs import write_bytes
from shoal.source.localrefs import check_has_commits, current_branch, resolve_local_ref
from shoal.source.repocache import prune_caches
from shoal.scan.retention import remove_old_scans, scan_lock
from shoal.local.scanstate import ScanState, finished_result, state_folder, stored_event
from shoal.rulescli import add_commands as add_rules_commands
from shoal.rulescli import run_rules
from shoal.request import BaselineRequest, GitHubTarget, ScanRequest, cli_scan_id
from shoal.source.specs import parse_repository, validate_ref
from shoal.workspace import ScanPaths, atomic_write, load_json

if TYPE_CHECKING:
    from shoal.source.worktree import WorkingTree

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2, 3
# Every report a scan can write to a file or stdout (shoal.outputs renders them), by format name.
OUTPUT_FORMATS = {"sarif": "SARIF report", "json": "JSON report", "md": "Markdown summary",
                  "html": "HTML report", "junit": "JUnit XML report", "gitlab-sast": "GitLab SAST report",
                  "codeclimate": "Code Climate (GitLab code quality) report"}
EXTENSIONS = {".sarif": "sarif", ".json": "json", ".md": "md", ".html": "html", ".xml": "junit"}
SEVERITY_CHOICES = ("error", "warning", "note")
LIMIT_FLAGS = {"max-ccn": ("max_ccn", ENV_MAX_CCN), "max-function-lines": ("max_function_lines", ENV_MAX_FUNCTION_LINES),
               "max-params": ("max_params", ENV_MAX_PARAMS), "max-nesting": ("max_nesting", ENV_MAX_NESTING)}
DEFAULT_MAX_SHOWN = 100
WORKERS_HELP = "agent processes (default: the CPUs this process may use, within its cgroup's CPU quota)"
MAX_WORKERS = 256  # each is a process started before the scan: 5,000 took minutes to start for one file


def worker_count(value: str) -> int:
    """--workers: a whole number from 1 to MAX_WORKERS (argparse says which flag is wrong)."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= count <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"{count} is not from 1 to {MAX_WORKERS}")
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shoal", description="Durable multi-agent code analysis.")
    parser.add_argument("--version", action="version", version=f"shoal {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    workers = min(available_cpus(), MAX_WORKERS)  # read from /proc and the cgroup files once, for both commands
    scan = commands.add_parser("scan", help="scan a repository (local path or https URL)")
    scan.add_argument("target", nargs="*", metavar="PATH",
                      help="local path or https:// URL of a git repository; or files and folders of one "
                           "(as pre-commit passes them), scanned as the working tree holds them")
    scan.add_argument("--ref", "--head", dest="ref", help="branch, tag or commit to scan (default: HEAD)")
    add_change_options(scan)
    scan.add_argument("--workspace", help=f"workspace folder (env {ENV_WORKSPACE}, default $XDG_CACHE_HOME/shoal/workspace)")
    scan.add_argument("--workers", type=worker_count, default=workers, help=WORKERS_HELP)
    scan.add_argument("--format", choices=("text", *OUTPUT_FORMATS), default="text",
                      help="what to print on stdout (a summary: text, or a whole report), or write to -o FILE")
    add_output_options(scan)
    add_selection_options(scan)
    scan.add_argument("--fail-on", choices=FAIL_ON_CHOICES, help="lowest severity that fails the scan (default error)")
    scan.add_argument("--fanout", choices=FANOUT_MODES,
                      help="agents as chained invokes in worker processes, or inline steps in one process "
                           "(default: invoke; inline for a diff scan, which touches few files)")
    scan.add_argument("--max-partitions", type=int, help="upper bound on partitions (default 4 per worker)")
    scan.add_argument("--scan-id", help="name of the scan folder (default: derived from target and ref)")
    scan.add_argument("--resume", metavar="SCAN",
                      help="finish the scan in this folder of the workspace after its process was killed "
                           "(re-running the same command does too); a finished scan prints its result")
    scan.add_argument("--fresh", action="store_true",
                      help="start over even if a previous run of this scan was interrupted")
    scan.add_argument("--metrics-only", action="store_true",
                      help="skip security rules and secrets (env SHOAL_SECURITY=false)")
    scan.add_argument("--full", action="store_true",
                      help="analyse every file, not only those changed since the repository's last scan "
                           "(env SHOAL_INCREMENTAL=false)")
    scan.add_argument("--history", action="store_true",
                      help="scan every blob reachable from the repository's refs for secrets, each once, and say "
                           "where each first appeared and whether HEAD still has it (a local git repository)")
    scan.add_argument("--since", metavar="REF", help="with --history: only the commits REF does not reach")
    scan.add_argument("--verify-secrets", action="store_true",
                      help="ask each found credential's provider, by its documented read-only call, whether it is "
                           "live, and label the finding verified/unverified/unknown (network; off by default; "
                           "env SHOAL_VERIFY_SECRETS=true)")
    scan.add_argument("-v", "--verbose", action="store_true", help="show the handlers' JSON logs on stderr")
    scan.add_argument("-q", "--quiet", action="store_true",
                      help="print the findings only: no summary table, report paths or verdict")
    scan.add_argument("--max-shown", type=int, default=DEFAULT_MAX_SHOWN, metavar="N",
                      help=f"findings listed in the terminal (default {DEFAULT_MAX_SHOWN}; 0 lists none); "
                           "the reports hold them all")
    scan.add_argument("--publish", choices=("check", "status", "review"),
                      help="post the result to GitHub as a check run, a commit status, or a pull request's summary "
                           "comment and review (with --pull; token: env SHOAL_GITHUB_TOKEN)")
    scan.add_argument("--pull", type=int, metavar="N", help="the pull request --publish review comments on")
    scan.add_argument("--sarif-upload", action="store_true", help="upload the SARIF report to GitHub code scanning")
    scan.add_argument("--github-repo", metavar="OWNER/NAME", help="the GitHub repository to publish to")
    scan.add_argument("--github-ref", help="full ref for code scanning (default: refs/heads/<--ref>)")
    add_rules_commands(commands)
    add_baseline_commands(commands, workers)
    clean = commands.add_parser("clean", help="remove old scan folders from the workspace")
    clean.add_argument("--workspace", help=f"workspace folder (env {ENV_WORKSPACE}, default $XDG_CACHE_HOME/shoal/workspace)")
    clean.add_argument("--older-than", type=_days, help="days (env SHOAL_RETENTION_DAYS, default 14)")
    return parser


class _Console(Console):
    """A reader that stops early (`shoal scan . | head`) must not change the exit status: rich's
    default ends the process with status 1, which reads as "findings" (and fails a pipefail CI step)."""

    def on_broken_pipe(self) -> None:
        _detach_stdout()


def _detach_stdout() -> None:
    """Send the rest of stdout to the null device: its reader is gone; the scan goes on to its status."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        _detach_stdout()


def make_console(stderr: bool = False) -> Console:
    """A console for stdout or stderr. Off a terminal (a pipe, a CI log) nothing is folded or cut:
    rich would otherwise wrap at 80 columns, splitting paths and rule ids."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return _Console(stderr=stderr)
    return _Console(stderr=stderr, width=_UNFOLDED_WIDTH, soft_wrap=True)


_UNFOLDED_WIDTH = 100_000


def quiet_logs(verbose: bool) -> None:
    """Keep the handlers' Lambda-style logs off the terminal unless asked for.

    Set before any handler is imported, and inherited by the agent processes through the environment.
    The SDK logs a failing step with its traceback; the CLI reports the error itself, in one line.
    """
    if verbose:
        return
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    for name in ("aws_durable_execution_sdk_python", "aws_durable_execution_sdk_python_testing"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet_logs(getattr(args, "verbose", False))
    stderr = make_console(stderr=True)
    try:
        if args.command == "rules":
            return run_rules(args, make_console())
        if args.command == "clean":
            return run_clean(args, make_console())
        if args.command == "baseline":
            return run_baseline(args, stderr)
        return run_scan(args, stderr)
    except ShoalError as exc:
        stderr.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
        return EXIT_ERROR
    except ScanInterrupted as exc:
        stderr.print(f"[yellow]interrupted:[/] scan {escape(exc.scan_id)} keeps the work it finished; run the same "
                     f"command again, or `shoal scan --resume {escape(exc.scan_id)} --workspace "
                     f"{escape(str(exc.workspace))}`, to finish it",
                     highlight=False)
        return 130
    except KeyboardInterrupt:
        stderr.print("[yellow]interrupted[/]")
        return 130


def default_scan_id(
    target: str, ref: str | None, base: str | None = None, options: dict[str, Any] | None = None, detail: str = ""
) -> str:
    """Same target, refs and result-changing options, same scan folder: re-running a scan reuses
    (and resumes) it. `options` holds only the options given (a default scan's are empty)."""
    return cli_scan_id(target, ref, base, options, detail)


def options_variant(selection: dict[str, Any]) -> str:
    """The options that change what a scan reports, as text ('' without any)."""
    given = {name: value for name, value in selection.items() if value not in (None, [], "")}
    return json.dumps(given, sort_keys=True) if given else ""


def selection_options(args: argparse.Namespace) -> dict[str, Any]:
    """The event options of the flags that choose what is scanned and reported; the orchestrator
    applies them (at the plan, the agents and the merge) as it applies .shoal.toml."""
    options: dict[str, Any] = {
        "include": list(args.include), "exclude": list(args.exclude), "exclude_rules": list(args.exclude_rule),
        "min_severity": args.severity, "config_toml": _config_text(args.config) if args.config else None,
        "verify_secrets": getattr(args, "verify_secrets", False) or None,
    }
    options.update({field: getattr(args, field) for field, _ in LIMIT_FLAGS.values()})
    return options


def _config_text(path: str) -> str:
    """A -c file's text, checked now so a mistake is reported before any work."""
    from shoal.repoconfig import parse_repo_config, read_bounded

    try:
        text = read_bounded(Path(path)).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ShoalError(f"cannot read the --config file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    parse_repo_config(text, f"the --config file {path}")
    return text


def _config_rules_folder(text: str | None) -> str | None:
    from shoal.repoconfig import parse_repo_config

    return parse_repo_config(text).rules_folder if text else None


def requested_outputs(args: argparse.Namespace) -> list[Output]:
    """The report files asked for with -o and --<format>-output, checked before the scan."""
    outputs = []
    if args.output:
        fmt = format_for(args.output, args.format if args.format != "text" else None, EXTENSIONS)
        outputs.append(Output(fmt, Path(args.output)))
    for fmt in OUTPUT_FORMATS:
        path = getattr(args, _output_dest(fmt), None)
        if path:
            outputs.append(Output(fmt, Path(path)))
    return checked_outputs(outputs)


def run_clean(args: argparse.Namespace, stdout: Console) -> int:
    settings = settings_from_env()
    workspace = Path(args.workspace or settings.workspace).resolve()
    days = args.older_than if args.older_than is not None else settings.retention_days
    result = remove_old_scans(workspace, days)
    for name in result.removed:
        stdout.print(f"removed {name}", highlight=False, markup=False)
    for name in result.kept_busy:
        stdout.print(f"kept {name}: a scan is running in it", highlight=False, markup=False)
    stdout.print(f"{len(result.removed)} removed, {len(result.kept_recent)} newer than {days:g} days kept, "
                 f"{len(result.kept_busy)} in use kept", highlight=False)
    caches = prune_caches(workspace, settings.repo_cache_days)
    if caches.removed or caches.kept_busy:
        stdout.print(f"repository caches unused for {settings.repo_cache_days} days: {len(caches.removed)} removed, "
                     f"{len(caches.kept_busy)} being updated kept", highlight=False)
    return EXIT_OK


def writable_workspace(workspace: Path) -> Path:
    """The workspace folder, created if needed, or a clear error before any work starts."""
    try:
        workspace.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=workspace, prefix=".shoal-probe-"):
            pass
    except OSError as exc:
        raise ShoalError(
            f"cannot write to the workspace {workspace} ({exc.strerror or exc}): "
            "choose a writable folder with --workspace or SHOAL_WORKSPACE"
        ) from None
    return workspace


def add_output_options(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("-o", "--output", metavar="FILE",
                      help="write a report to FILE: --format's, else the one its extension names "
                           f"({', '.join(sorted(EXTENSIONS))})")
    for fmt in OUTPUT_FORMATS:
        scan.add_argument(f"--{fmt}-output", metavar="FILE", dest=_output_dest(fmt),
                          help=f"also write the {OUTPUT_FORMATS[fmt]} to FILE")


def _days(value: str) -> float:
    """--older-than: a number of days, 0 or more (`nan` compared false with every age, so it removed every scan)."""
    try:
        days = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days") from None
    if not math.isfinite(days) or days < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days, 0 or more")
    return days


def _pattern(value: str) -> str:
    """--include / --exclude: a non-empty pattern (an unset CI variable gives '', which matched nothing)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the pattern is empty: give a gitignore-style pattern such as 'src/**'")
    return value


def add_selection_options(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("--include", action="append", default=[], metavar="PATTERN", type=_pattern,
                      help="scan only paths matching this gitignore-style pattern (repeatable; added to "
                           ".shoal.toml's scan.include)")
    scan.add_argument("--exclude", action="append", default=[], metavar="PATTERN", type=_pattern,
                      help="never scan paths matching this pattern (repeatable; added to scan.exclude)")
    scan.add_argument("--exclude-rule", action="append", default=[], metavar="ID",
                      help="do not run this rule (repeatable; as .shoal.toml's rules.disable)")
    scan.add_argument("--severity", choices=SEVERITY_CHOICES,
                      help="report only findings at or above this severity: the others are left out of the "
                           "terminal, every report and the exit status (--fail-on keeps every finding in "
                           "the reports and only decides which ones fail the scan)")
    scan.add_argument("-c", "--config", metavar="FILE",
                      help="use this .shoal.toml instead of the scanned repository's")
    for flag, (field, variable) in LIMIT_FLAGS.items():
        scan.add_argument(f"--{flag}", type=positive_int, dest=field, metavar="N",
                          help=f"function limit (env {variable}; .shoal.toml [metrics] {field})")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def _output_dest(fmt: str) -> str:
    return f"{fmt.replace('-', '_')}_output"


def add_change_options(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("--base", help="scan only what changed since this branch, tag or commit (a pull request's "
                                     "base): files the change touches, findings on the lines it changed")
    scan.add_argument("--all-findings", action="store_true", default=None,
                      help="with --base: report every finding in the touched files, not only on changed lines")
    scan.add_argument("--baseline-branch", help="compare with this branch's baseline (default: --base, else "
                                                "--ref when it is a name, else the default branch)")
    scan.add_argument("--fail-scope", choices=FAIL_SCOPES,
                      help="with a baseline: fail on new findings only (default) or on all")


def add_baseline_commands(commands: Any, workers: int) -> None:
    baseline = commands.add_parser("baseline", help="create or show the baseline later scans are compared with")
    actions = baseline.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="scan a branch and store its findings as its baseline")
    create.add_argument("target", help="local path or https:// URL of a git repository")
    create.add_argument("--ref", help="branch, tag or commit to scan (default: HEAD, stored as the default branch)")
    create.add_argument("--branch", help="store as this branch's baseline (default: --ref, else the default branch)")
    create.add_argument("--output", help="also write the baseline to this file (e.g. .shoal-baseline.json to commit)")
    create.add_argument("--workers", type=worker_count, default=workers, help=WORKERS_HELP)
    create.add_argument("--metrics-only", action="store_true", help="skip security rules and secrets")
    show = actions.add_parser("show", help="print a stored baseline's commit and finding counts")
    show.add_argument("target", help="the repository, as given to shoal scan, or a baseline file")
    show.add_argument("--branch", help="which branch's baseline (default: the default branch)")
    for action in (create, show):
        action.add_argument("--workspace", help=f"workspace folder (env {ENV_WORKSPACE}, default $XDG_CACHE_HOME/shoal/workspace)")


def run_baseline(args: argparse.Namespace, stderr: Console) -> int:
    settings = settings_from_env()
    workspace = Path(args.workspace or settings.workspace).resolve()
    if args.action == "show":
        return show_baseline(args, workspace, make_console())
    target, ref, workspace = _checked_request(args, settings)
    branch = validate_ref(args.branch) if args.branch else None
    security = False if args.metrics_only else None
    options: dict[str, Any] = {"workspace": str(workspace), "fanout": "invoke", "security": security}
    options.update(local_options(args.workers))
    request = ScanRequest.from_cli(target, ref, options=options, baseline=BaselineRequest(branch=branch, store=True),
                                   identity={"baseline": branch or True, "security": security}, detail="baseline")
    summary = _run_locked(request.to_event(), workspace, args.workers, settings, stderr, fresh=False)
    stored = summary.get("baseline_stored")
    if not stored:
        raise ShoalError("the scan was partial (some partitions failed), so no baseline was stored: run it again")
    if args.output:
        data = (workspace / stored).read_bytes()
        atomic_write(Path(args.output), data)
    out = make_console()
    total = sum(summary["findings"].values())
    out.print(f"baseline of {target} at {summary['commit'][:12]}: {total} findings, stored in {workspace / stored}"
              + (f" and {args.output}" if args.output else ""), highlight=False, soft_wrap=True, markup=False)
    return EXIT_OK


def show_baseline(args: argparse.Namespace, workspace: Path, out: Console) -> int:
    # Imported here: every `shoal scan` imports this module, and needs none of it (0.02 s).
    from shoal.baseline import DEFAULT_BRANCH_KEY, baseline_path
    from shoal.baseline import load as load_baseline

    candidate = Path(args.target)
    if candidate.is_file():
        path = candidate
    else:
        local = _local(_canonical_target(args.target))
        default = (current_branch(local) if local is not None else None) or DEFAULT_BRANCH_KEY
        branch = validate_ref(args.branch) if args.branch else default
        path = baseline_path(workspace, _canonical_target(args.target), branch)
    found = load_baseline(path, str(path))
    if found is None:
        raise ShoalError(f"no baseline at {path}: create one with `shoal baseline create {args.target}`")
    table = Table(title=f"Shoal baseline: {escape(found.branch)} at {found.commit[:12]}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    counts = Counter(f.severity.value for f in found.findings)
    table.add_row("findings", f"{len(found.findings):,}")
    for severity in ("error", "warning", "note"):
        table.add_row(f"findings: {severity}", f"{counts.get(severity, 0):,}")
    for rule, count in sorted(Counter(f.rule_id for f in found.findings).items(), key=lambda i: (-i[1], i[0]))[:10]:
        table.add_row(f"  {rule}", f"{count:,}")
    out.print(table)
    out.print(f"  repository {found.repository}\n  file       {path}", soft_wrap=True, highlight=False, markup=False)
    return EXIT_OK


def _canonical_target(target: str) -> str:
    return target if target.startswith("https://") else str(Path(target).resolve())


def _base_ref(args: argparse.Namespace) -> str | None:
    base = _user_ref(_canonical_target(args.target), args.base)
    if args.all_findings and base is None:
        raise ShoalError("--all-findings needs --base: without a base every finding is reported anyway")
    return base


def _fanout(args: argparse.Namespace, base: str | None) -> str:
    # A diff scan touches few files: one process, no worker start-up (the fixed cost dominates).
    return str(args.fanout or ("inline" if base else "invoke"))


def _baseline(args: argparse.Namespace) -> BaselineRequest | None:
    """--baseline-branch: the branch whose baseline the findings are compared with."""
    return BaselineRequest(branch=validate_ref(args.baseline_branch)) if args.baseline_branch else None


def _run_history(args: argparse.Namespace) -> int:
    from shoal.secrets.history import history_scan, render_history

    if not args.history:
        raise ShoalError("--since REF limits a --history scan: add --history")
    outputs = requested_outputs(args)
    asked = {o.format for o in outputs} | ({args.format} if not args.output else set())
    if asked - {"text", "json"}:  # refused before the history is read, not ignored after
        raise ShoalError(f"--history writes its findings as text or JSON only, not {', '.join(sorted(asked - {'text', 'json'}))}: "
                         "use --format json, -o FILE.json or --json-output FILE")
    settings = settings_from_env()
    if args.workspace:  # a remote repository is fetched through this workspace's repository cache
        settings = settings.with_overrides({"workspace": str(Path(args.workspace).resolve())})
    result = history_scan(args.target, args.since, verify=args.verify_secrets, settings=settings)
    for output in outputs:
        write_bytes(output, render_history(result, args.target[0], "json").encode() + b"\n")
    _write_stdout(render_history(result, args.target[0], "text" if args.output else args.format).encode() + b"\n")
    return EXIT_FINDINGS if result.findings else EXIT_OK


def run_scan(args: argparse.Namespace, stderr: Console) -> int:
    if args.history or args.since:
        return _run_history(args)
    if args.resume:
        if args.fresh:
            raise ShoalError("--resume finishes a scan and --fresh starts one over: give one of them")
        return resume_scan(args, stderr)
    settings = settings_from_env()
    outputs = requested_outputs(args)
    try:
        args.target, worktree = _scan_target(args, settings, stderr)
    except NothingToScan as exc:  # not an error: a commit touching only files the repository leaves out
        stderr.print(str(exc), highlight=False, soft_wrap=True, markup=False)
        return EXIT_OK
    if args.target is None:
        raise ShoalError("shoal scan needs a repository (a local path or https:// URL), or --resume SCAN")
    selection = selection_options(args)
    target, ref, workspace = _checked_request(args, settings)
    base = _base_ref(args)
    if base and _config_rules_folder(selection["config_toml"]):
        raise ShoalError("a --config file that names a rules folder needs a full scan (a diff scan exports only the "
                         "rules folder of the repository's own .shoal.toml): drop --base, or name the folder there")
    variant = options_variant(selection)
    # Reports never depend on the partitioning, so it can follow the worker count.
    options: dict[str, Any] = {
        **selection,
        "workspace": str(workspace),
        "fanout": _fanout(args, base),
        "fail_on": args.fail_on,
        "security": False if args.metrics_only else None,
        # Checkout exports the rules folder the repository's .shoal.toml names, and only then
        # knows when a change to it makes reused results stale: another file's folder needs all.
        "incremental": False if args.full or _config_rules_folder(selection["config_toml"]) else None,
        "all_findings": args.all_findings,
        "fail_scope": args.fail_scope,
    }
    options.update(local_options(args.workers, args.max_partitions))
    github = None
    if args.publish or args.sarif_upload:
        github = _publish_target(args, ref)
        options.update(github_publish=args.publish or "none", github_sarif_upload=args.sarif_upload or None)
    request = ScanRequest.from_cli(
        target, ref, base=base, options=options, baseline=_baseline(args),
        worktree=worktree.to_dict() if worktree is not None else None, github=github, scan_id=args.scan_id,
        identity={**_result_options(args), "selection": variant or None},
    )
    started = datetime.now(UTC)
    summary = _run_locked(request.to_event(), workspace, args.workers, settings, stderr, fresh=args.fresh)
    return _report(summary, workspace, args, stderr, target, outputs, started)


def _scan_target(args: argparse.Namespace, settings: Settings,
                 stderr: Console) -> tuple[str | None, WorkingTree | None]:
    """The one repository or folder to scan, and the working tree it stages if it is one. Files
    (or several paths) are copied as the working tree holds them, with their repository's
    configuration, and only they are reported."""
    from shoal.source.staged import is_path_list, stage

    targets = list(args.target or [])
    if not is_path_list(targets):
        return _local_tree(args, settings, targets[0], stderr) if targets else (None, None)
    if args.ref or args.base:
        raise ShoalError("files are scanned as the working tree holds them: --ref and --base apply to a whole "
                         "repository, give its folder instead")
    workspace = writable_workspace(Path(args.workspace or settings.workspace).resolve())
    staged = stage(targets, workspace)
    if not staged.include:
        raise NothingToScan(f"nothing to scan: .shoal.toml's scan.include in {staged.root} leaves out every file given")
    args.include = [*args.include, *staged.include]
    return str(staged.folder), None


def _local_tree(args: argparse.Namespace, settings: Settings, target: str,
                stderr: Console) -> tuple[str, WorkingTree | None]:
    """A folder of a git repository is scanned as it is on disk: its commit when nothing under it
    (or configuring it) differs from HEAD, else the working tree staged as a plain folder. A
    subfolder is scanned within its repository (root's configuration, paths from the root); one
    the repository ignores and tracks nothing in is a plain folder of its own."""
    from shoal.source.staged import _anchored
    from shoal.source.worktree import (WorkingTree, changes_under, enclosing_repository, head_commit, ignored_folder,
                                       stage_working_tree)

    local = enclosing_repository(Path(target)) if not target.startswith("https://") else None
    if local is None:
        return target, None
    if not args.ref and ignored_folder(local):
        stderr.print(f"note: {target} is ignored by the git repository in {local.root} and holds none of its files: "
                     "scanning it as a plain folder", highlight=False, soft_wrap=True, markup=False)
        return target, None
    if local.folder:
        args.include = [*args.include, _anchored(local.folder, True)]
    if args.ref or not local.has_working_tree:  # a commit, exactly
        return str(local.root), None
    check_has_commits(local.root)
    changes = changes_under(local)
    if not changes.total:
        return str(local.root), None
    if args.base:
        raise ShoalError(f"{target} has uncommitted changes ({changes.describe()}) and --base compares commits: "
                         "commit them and scan again, or give --ref HEAD to compare the last commit with the base")
    workspace = writable_workspace(Path(args.workspace or settings.workspace).resolve())
    staged = stage_working_tree(local, workspace)
    return str(staged.folder), WorkingTree(str(local.root), head_commit(local.root), changes)


def _result_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options that change a scan's reports, so a scan with other ones gets a folder of its own."""
    return {"security": False if args.metrics_only else None, "all_findings": args.all_findings or None,
            "baseline_branch": args.baseline_branch}


def _checked_request(args: argparse.Namespace, settings: Settings) -> tuple[str, str | None, Path]:
    """Refuse bad input before anything starts (the orchestrator checks again on its own); the
    canonical target, the validated ref and the writable workspace."""
    parse_repository(args.target, settings.allowed_hosts)
    target = _canonical_target(args.target)
    ref = _user_ref(target, args.ref)
    if ref is None and _local(target) is not None:
        check_has_commits(Path(target))
        ref = current_branch(Path(target))  # a name, so its baseline is found by a later --base
    workspace = writable_workspace(Path(args.workspace or settings.workspace).resolve())
    return target, ref, workspace


def _local(target: str) -> Path | None:
    return None if target.startswith("https://") else Path(target)


def _user_ref(target: str, ref: str | None) -> str | None:
    """A ref as given: names for a remote, anything git reads as a commit for a local repository."""
    if not ref:
        return None
    local = _local(target)
    return resolve_local_ref(local, ref) if local is not None else validate_ref(ref)


class NothingToScan(Exception):
    """Every file given is outside the repository's include patterns."""


class ScanInterrupted(Exception):
    """Ctrl-C during a scan: its finished steps are checkpointed, so the message says how to resume."""

    def __init__(self, scan_id: str, workspace: Path) -> None:
        super().__init__(scan_id)
        self.scan_id = scan_id
        self.workspace = workspace


def _run_locked(
    event: dict[str, Any], workspace: Path, workers: int, settings: Settings, stderr: Console, *, fresh: bool
) -> dict[str, Any]:
    scan_id = str(event["scan_id"])
    with scan_lock(workspace, scan_id):  # one run per scan folder: a second request is refused
        state = _scan_state(workspace, scan_id, fresh, stderr)
        try:
            return _run_with_progress(event, workspace, workers, settings.agent_function, stderr, state)
        except KeyboardInterrupt:
            raise ScanInterrupted(scan_id, workspace) from None


def _scan_state(workspace: Path, scan_id: str, fresh: bool, stderr: Console) -> Path:
    """The scan's durable state folder; says so when a killed run will be resumed from it."""
    state = ScanState(state_folder(workspace, scan_id))
    if fresh:
        state.clear()
    elif state.resumable() is not None:
        stderr.print(f"resuming scan {scan_id}: its last run was interrupted; it is finished with the options it "
                     "was started with, keeping the work done (--fresh starts over)", highlight=False, markup=False)
    return state.folder


def resume_scan(args: argparse.Namespace, stderr: Console) -> int:
    """`--resume SCAN`: finish an interrupted scan with the request it was started with."""
    settings = settings_from_env()
    workspace = Path(args.workspace or settings.workspace).resolve()
    scan_id = args.resume
    state = ScanState(state_folder(workspace, scan_id))
    if not state.folder.is_dir():
        raise ShoalError(f"there is no scan {scan_id} to resume in {workspace}: run `shoal scan TARGET` to start one")
    with scan_lock(workspace, scan_id):
        previous = state.resumable()
        if previous is not None:
            stderr.print(f"resuming scan {scan_id}", highlight=False, markup=False)
            try:
                summary = _run_with_progress(stored_event(previous), workspace, args.workers,
                                             settings.agent_function, stderr, state.folder)
            except KeyboardInterrupt:
                raise ScanInterrupted(scan_id, workspace) from None
        else:
            summary = _finished_summary(state, scan_id, workspace)
    return _report(summary, workspace, args, stderr, None, requested_outputs(args))


def _finished_summary(state: ScanState, scan_id: str, workspace: Path) -> dict[str, Any]:
    """A scan that already ran to its end is not run again: its recorded result is reported."""
    finished = state.last_finished()
    if finished is None:
        raise ShoalError(f"there is no scan {scan_id} to resume in {workspace}: run `shoal scan TARGET` to start one")
    outcome = finished_result(finished)
    if outcome.error is not None or outcome.result is None:
        message = getattr(outcome.error, "message", None) or "it ended without a result"
        raise ShoalError(f"scan {scan_id} already ended with an error ({message}): run `shoal scan TARGET` again")
    return json.loads(outcome.result)


def _report(summary: dict[str, Any], workspace: Path, args: argparse.Namespace, stderr: Console,
            target: str | None, outputs: list[Output] | None = None, started: datetime | None = None) -> int:
    """Write the reports asked for, print the outcome of a scan and return its exit status."""
    ended = datetime.now(UTC)
    times = (started or ended, ended)  # a GitLab SAST report must say when its scan ran
    if outputs:
        write_outputs(outputs, _report_paths(summary, workspace), *times)
    _print_outcome(summary, workspace, args, stderr, target, times)
    if "publish" in summary:  # a publish failure is reported, and does not change the exit status
        from shoal.github.publish import outcome_line

        stderr.print(outcome_line(summary["publish"]), highlight=False, soft_wrap=True, markup=False)
    if summary.get("partial"):
        stderr.print(f"[yellow]partial scan:[/] partitions {escape(', '.join(summary['failed_partitions']))} failed; "
                     "the reports list the files they held", highlight=False)
        return EXIT_PARTIAL
    return EXIT_FINDINGS if summary["failed"] else EXIT_OK


def _publish_target(args: argparse.Namespace, ref: str | None) -> GitHubTarget:
    # Imported here: the agent processes re-import this module and never publish.
    from shoal.github.auth import read_credentials

    if not args.github_repo:
        raise ShoalError("--publish and --sarif-upload need --github-repo OWNER/NAME")
    if args.publish == "review" and not (args.pull and args.base):
        raise ShoalError("--publish review reviews a pull request's change: give --pull N (its number) and "
                         "--base B (the branch it merges into)")
    read_credentials()  # no token: refuse now, not after the scan
    return GitHubTarget.for_cli(args.github_repo, ref, args.github_ref, args.pull)


def _run_with_progress(
    event: dict[str, Any], workspace: Path, workers: int, agent_function: str, stderr: Console, state: Path | None = None
) -> dict[str, Any]:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    progress = Progress(*columns, console=stderr, transient=True)
    task = progress.add_task(f"scanning {event['repository']}: checkout and plan", total=None)

    def on_event(kind: str, data: dict[str, Any]) -> None:
        if kind == "started":
            # Only now: the display's refresh thread would make the engine spawn its workers
            # rather than fork them (shoal.local.workers).
            progress.start()
        elif kind == "agent-start" and progress.tasks[0].total is None:
            plan = load_json((workspace / data["plan"]).read_bytes())
            progress.update(task, total=len(plan["partitions"]), description="analysing partitions")
        elif kind == "agent-done":
            progress.advance(task)

    engine = LocalEngine(workers, {"SHOAL_WORKSPACE": str(workspace)}, on_event)
    try:
        return engine.run(event, agent_function, state=state)
    finally:
        progress.stop()


def _print_outcome(summary: dict[str, Any], workspace: Path, args: argparse.Namespace, stderr: Console,
                   target: str | None, times: tuple[datetime, datetime]) -> None:
    reports = _report_paths(summary, workspace)
    fmt = "text" if args.output else args.format  # with -o, --format names the file's format
    if fmt != "text":
        _write_stdout(render_output(fmt, reports, *times))
        console = stderr
    else:
        console = make_console()
        if args.max_shown and sum(summary["findings"].values()):
            _list_findings(console, reports["json"], ScanPaths(workspace, summary["scan_id"]), target,
                           summary["commit"], args.max_shown)
    if fmt == "text" and args.quiet:
        return
    console.print(_summary_table(summary, summary.get("totals") or _totals_from_report(reports["json"])))
    for name, path in sorted(reports.items()):
        console.print(f"  {name:6} {path}", soft_wrap=True, markup=False)  # paths are never folded
    verdict = "[red]FAILED[/]" if summary["failed"] else "[green]passed[/]"
    if _nothing_analysed(summary):
        verdict = "[yellow]nothing analysed[/]"
        stderr.print(f"[yellow]warning:[/] no file was analysed in {escape(_scanned_name(summary, target))}: it is empty or "
                     "holds only files the scan leaves out (binary, too large, ignored or excluded; "
                     "`files excluded` counts them)", highlight=False, soft_wrap=True)
    console.print(f"scan {escape(summary['scan_id'])} {escape(_scanned_what(summary))}: {verdict}", highlight=False,
                  soft_wrap=True)


def _nothing_analysed(summary: dict[str, Any]) -> bool:
    """A full scan that read no file at all (a diff scan may rightly touch none)."""
    return not summary["files"] and "diff" not in summary


def _scanned_name(summary: dict[str, Any], target: str | None) -> str:
    worktree = summary.get("worktree")
    return str(worktree["repository"]) if worktree else (target or summary["scan_id"])


def _scanned_what(summary: dict[str, Any]) -> str:
    worktree = summary.get("worktree")
    if not worktree:
        return f"at {summary['commit'][:12]}"
    return (f"of the working tree of {worktree['commit'][:12]} with uncommitted changes ({worktree['modified']} "
            f"modified, {worktree['added']} added, {worktree['deleted']} deleted, {worktree['untracked']} untracked)")


def _report_paths(summary: dict[str, Any], workspace: Path) -> dict[str, Path]:
    return {name: workspace / rel for name, rel in summary["reports"].items()}


def _list_findings(console: Console, findings_json: Path, paths: ScanPaths, target: str | None, commit: str,
                   max_shown: int) -> None:
    from shoal.reports.terminal import print_findings
    from shoal.secrets.redaction import scan_redactor

    from shoal.source import inplace

    findings = load_json(findings_json.read_bytes())["findings"]
    redactor = scan_redactor(paths.plan, paths.secret_hashes)
    redact = redactor.redact if redactor is not None else str
    in_place = inplace.load(paths)
    lines = (source_lines(paths.src, target, commit) if in_place is None
             else in_place_lines(Path(in_place.root), in_place.digests))
    print_findings(console, findings, lines, max_shown, redact)


def in_place_lines(root: Path, digests: Mapping[str, str]) -> Callable[[str], list[str] | None]:
    """A reader of the lines of a folder scanned in place, as the scan read them: a file edited
    since shows no code (its present lines are not the ones the finding points at)."""

    def read(path: str) -> list[str] | None:
        data = read_regular_bytes(root / path)
        if data is None or hashlib.sha256(data).hexdigest() != digests.get(path):
            return None
        return data.decode("utf-8", "replace").splitlines()

    return read


def source_lines(src: Path, target: str | None, commit: str) -> Callable[[str], list[str] | None]:
    """A reader of a scanned file's lines: from the scan's export (its pack or its folder), else
    (files an incremental or diff scan did not export) from the local repository at the scanned
    commit or the plain folder."""
    from shoal.source import packed

    local = Path(target) if target and not target.startswith("https://") else None
    tree = packed.load_beside(src)  # a full scan's export is one pack, not a folder

    def exported(path: str) -> bytes | None:
        if tree is None:
            return read_regular_bytes(src / path)
        try:
            return tree.read(path) if path in tree.entries else None
        except (OSError, ValueError):
            return None

    def read(path: str) -> list[str] | None:
        data = exported(path)
        if data is None and local is not None:
            data = _git_blob(local, commit, path) if (local / ".git").exists() else read_regular_bytes(local / path)
        return None if data is None else data.decode("utf-8", "replace").splitlines()

    return read


def read_regular_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def _git_blob(repository: Path, commit: str, path: str) -> bytes | None:
    from shoal.source import localgit  # cat-file runs no hook, filter or textconv of the repository's

    done = localgit.run(repository, "cat-file", "blob", f"{commit}:{path}")
    return done.stdout if done is not None and done.returncode == 0 else None


def _totals_from_report(findings_json: Path) -> dict[str, Any]:
    """The table's counts for a scan finished by an older Shoal, whose summary has no totals."""
    metrics = load_json(findings_json.read_bytes())["summary"]
    return {"lines": metrics["lines"], "functions": metrics["functions"],
            "excluded": sum(metrics["exclusions_by_reason"].values())}


def _summary_table(summary: dict[str, Any], totals: dict[str, Any]) -> Table:
    table = Table(title="Shoal scan", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    lines = totals["lines"]
    rows: list[tuple[str, int]] = []
    if "baseline" in summary:  # what the change did comes first
        rows += [(f"{state} findings", summary["baseline"][state]) for state in ("new", "fixed", "unchanged")]
    if "diff" in summary:
        rows += [("files touched (diff)", summary["diff"]["touched"]), ("files deleted (diff)", summary["diff"]["deleted"]),
                 ("findings off changed lines", summary["diff"]["hidden"])]
    reused = summary.get("reused", 0)
    if "reused" in summary:  # an incremental scan: the unchanged files' results were reused
        rows.append(("files reused (unchanged)", reused))
    rows += [
        ("files analysed", summary["files"] - reused),
        ("code lines", lines["code"]),
        ("comment lines", lines["comment"]),
        ("blank lines", lines["blank"]),
        ("functions", totals["functions"]),
        ("files excluded", totals["excluded"]),
    ]
    rows += [(f"findings: {sev}", n) for sev, n in summary["findings"].items()]
    rows.append(("diagnostics", summary["diagnostics"]))
    for label, value in rows:
        table.add_row(label, f"{value:,}")
    return table


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
