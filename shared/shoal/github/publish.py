"""Results back to GitHub: a check run with annotations, a commit status, or for a pull request a
summary comment and a review (review.py), and optionally the SARIF upload to code scanning, built
from the reports the merge wrote to the workspace.

The reports are written before anything here runs, so a failure to publish never loses them:
`publish_scan` records what failed in its (small, checkpointed) result and never raises for it.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shoal.config import Settings
from shoal.errors import ShoalError
from shoal.github.api import GitHubClient, repo_path
from shoal.github.auth import ClientFactory, read_credentials, token_for
from shoal.github.review import FunctionChange, complexity_changes, publish_review
from shoal.models import Severity
from shoal.request import GitHubTarget
from shoal.workspace import ScanPaths, read_verified

# GitHub's documented limits.
ANNOTATIONS_PER_REQUEST = 50
OUTPUT_MAX_CHARS = 65535  # check run output.summary and output.text
ANNOTATION_MESSAGE_MAX = 64 * 1024  # bytes
ANNOTATION_TITLE_MAX = 255
TITLE_MAX = 255
STATUS_DESCRIPTION_MAX = 140
SARIF_MAX_GZIP_BYTES = 10 * 1000 * 1000  # "10 MB" compressed; the decimal reading is the safe one
SARIF_MAX_RUNS = 20
SARIF_MAX_RESULTS_PER_RUN = 25_000
SARIF_MAX_TAGS_PER_RULE = 20
SARIF_MAX_LOCATIONS_PER_RESULT = 1000

ANNOTATION_LEVEL = {"error": "failure", "warning": "warning", "note": "notice"}
_SHA = re.compile(r"^[0-9a-f]{40}$")


class PublishError(ShoalError):
    """Publishing was configured but cannot be done as configured (no token, no ref...)."""


@dataclass(frozen=True)
class PublishOptions:
    mode: str = "none"  # check | status | review (a pull request; anything else a check run) | none
    sarif: bool = False
    api_url: str = "https://api.github.com"
    check_name: str = "Shoal"
    max_annotations: int = 1000
    details_url: str = ""  # "{scan_id}" is replaced; empty: no link
    sarif_max_gzip_bytes: int = SARIF_MAX_GZIP_BYTES

    @classmethod
    def from_settings(cls, settings: Settings) -> PublishOptions:
        return cls(mode=settings.github_publish, sarif=settings.github_sarif_upload,
                   api_url=settings.github_api_url, check_name=settings.github_check_name,
                   max_annotations=settings.github_max_annotations, details_url=settings.github_details_url)

    def channel(self, pull_request: bool) -> str:
        """review applies to pull requests; pushes and nightly scans get a check run instead."""
        return "check" if self.mode == "review" and not pull_request else self.mode

    @property
    def enabled(self) -> bool:
        return self.mode != "none" or self.sarif

    def permissions(self, pull_request: bool = False) -> dict[str, str]:
        """What a GitHub App installation token needs for the configured channels, and no more."""
        mode = self.channel(pull_request)
        wanted = {"check": {"checks": "write"}, "status": {"statuses": "write"},
                  "review": {"pull_requests": "write"}}.get(mode, {})
        return {**wanted, **({"security_events": "write"} if self.sarif else {})}


@dataclass(frozen=True)
class Reports:
    """The merged reports, as the merge wrote them: findings.json parsed, shoal.sarif as bytes."""

    findings: dict[str, Any]
    sarif: bytes
    markdown: str = ""

    @classmethod
    def load(cls, workspace: Path, merged: Mapping[str, Any]) -> Reports:
        """Read and verify (sha256 from the merge's result) the JSON and SARIF reports."""
        paths = ScanPaths(workspace, str(merged["scan_id"]))
        digests = merged["report_sha256"]
        data = read_verified(paths.resolve(merged["reports"]["json"]), digests["json"])
        sarif = read_verified(paths.resolve(merged["reports"]["sarif"]), digests["sarif"])
        markdown = b""
        if "md" in merged["reports"]:
            markdown = read_verified(paths.resolve(merged["reports"]["md"]), digests["md"])
        return cls(json.loads(data), sarif, markdown.decode("utf-8", "replace"))

    @property
    def scan_id(self) -> str:
        return str(self.findings["scan"]["id"])


# ---------------------------------------------------------------- check run and commit status


def conclusion(reports: Reports, incomplete: bool) -> str:
    """failure when a finding reaches the failure threshold or too many partitions failed."""
    return "failure" if incomplete or not reports.findings["summary"]["passed"] else "success"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def headline(reports: Reports, incomplete: bool) -> str:
    """One line: what was found, and whether that fails; fits a status description."""
    by = reports.findings["summary"]["findings_by_severity"]
    counts = ", ".join(_plural(by.get(s, 0), s) for s in ("error", "warning", "note"))
    states = baseline_counts(reports.findings)
    if states:
        counts = f"{states.get('new', 0)} new, {states.get('fixed', 0)} fixed; {counts}"
    if incomplete:
        return f"Scan incomplete: {counts}"
    verdict = "passed" if reports.findings["summary"]["passed"] else "failed"
    return f"Shoal {verdict}: {counts}"


def baseline_counts(document: Mapping[str, Any]) -> dict[str, int]:
    """new/unchanged/fixed counts when the findings carry a baseline state (empty when not)."""
    summary = document.get("summary", {})
    declared = summary.get("baseline")
    if isinstance(declared, Mapping):
        counts = {k: declared[k] for k in ("new", "unchanged", "fixed") if isinstance(declared.get(k), int)}
        if counts:
            return counts
    states = Counter(_state(f) for f in document["findings"])
    states.pop("", None)
    return dict(states)


def _state(finding: Mapping[str, Any]) -> str:
    """The finding's baseline state (new / unchanged), "" when no baseline was in effect."""
    return str(finding.get("baseline_state") or "")


def summary_markdown(reports: Reports, incomplete: bool, shown: int) -> str:
    """The check run's summary: the verdict, baseline changes first, severities, partial scans."""
    doc = reports.findings
    summary = doc["summary"]
    lines = []
    states = baseline_counts(doc)
    if states:
        lines += [f"**{states.get('new', 0)} new** and **{states.get('fixed', 0)} fixed** findings since the "
                  f"baseline ({states.get('unchanged', 0)} unchanged).", ""]
    threshold = summary.get("failure_threshold")
    verdict = "Passed" if summary["passed"] else "Failed"
    rule = f"fails on {threshold} or worse" if threshold else "set never to fail"
    lines += [f"**{verdict}** ({rule}) at `{doc['scan']['commit']}`, scan `{reports.scan_id}`.", "",
              "| Severity | Findings |", "| --- | ---: |"]
    lines += [f"| {s} | {summary['findings_by_severity'].get(s, 0)} |" for s in ("error", "warning", "note")]
    lines += ["", f"{summary['files']} files analysed."]
    if incomplete:
        lines += ["", "**The scan is incomplete**: more partitions failed than allowed."]
    if summary.get("partial"):
        lost = sum(len(p.get("files", ())) for p in summary.get("failed_partitions", ()))
        names = ", ".join(p["partition"] for p in summary.get("failed_partitions", ()))
        lines += ["", f"Partial scan: partitions {names} failed; {lost} files were not analysed."]
    total = len(doc["findings"])
    if shown < total:
        order = "new first, then most severe" if states else "most severe"
        lines += ["", f"Annotations: the {shown} most severe of {total} findings ({order}); all are in the reports."]
    return _clip("\n".join(lines) + "\n", OUTPUT_MAX_CHARS)


def check_annotations(reports: Reports, limit: int) -> list[dict[str, Any]]:
    """Findings as check run annotations, at most `limit`: what a change brought in (new against the
    baseline) first, then the most severe."""
    names = {r["id"]: r.get("name") or r["id"] for r in reports.findings.get("rules", ())}
    ordered = sorted(
        reports.findings["findings"],
        key=lambda f: (_state(f) == "unchanged", _most_severe_first(f["severity"]), f["location"]["path"],
                       f["location"]["start_line"]),
    )
    return [_annotation(f, names) for f in ordered[:limit]]


def _annotation(finding: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    where = finding["location"]
    start = max(1, int(where["start_line"]))
    end = max(start, int(where["end_line"]))
    note = {
        "path": where["path"],
        "start_line": start,
        "end_line": end,
        "annotation_level": ANNOTATION_LEVEL.get(finding["severity"], "notice"),
        "message": _clip_bytes(finding["message"] or finding["rule_id"], ANNOTATION_MESSAGE_MAX),
        "title": _clip(f"{finding['rule_id']} ({names.get(finding['rule_id'], finding['rule_id'])})",
                       ANNOTATION_TITLE_MAX),
    }
    # GitHub takes columns only on a single-line annotation, 1-based, end not before start.
    if start == end and where.get("start_col") and where.get("end_col"):
        note["start_column"] = max(1, int(where["start_col"]))
        note["end_column"] = max(note["start_column"], int(where["end_col"]))
    return note


def check_run_requests(
    reports: Reports, head_sha: str, options: PublishOptions, incomplete: bool
) -> list[dict[str, Any]]:
    """The create body, then one update body per further 50 annotations; the last one completes
    the run, so GitHub never shows a finished run with annotations still missing."""
    notes = check_annotations(reports, options.max_annotations)
    output = {"title": _clip(headline(reports, incomplete), TITLE_MAX),
              "summary": summary_markdown(reports, incomplete, len(notes))}
    if reports.markdown:
        output["text"] = _clip(reports.markdown, OUTPUT_MAX_CHARS)
    batches = [notes[i:i + ANNOTATIONS_PER_REQUEST] for i in range(0, len(notes), ANNOTATIONS_PER_REQUEST)] or [[]]
    bodies: list[dict[str, Any]] = []
    for index, batch in enumerate(batches):
        body: dict[str, Any] = {"output": {**output, **({"annotations": batch} if batch else {})}}
        if index == 0:
            body = {"name": options.check_name, "head_sha": head_sha, "external_id": reports.scan_id,
                    "status": "in_progress", **body}
            if options.details_url:
                body["details_url"] = options.details_url.replace("{scan_id}", reports.scan_id)
        if index == len(batches) - 1:
            body["status"] = "completed"
            body["conclusion"] = conclusion(reports, incomplete)
        bodies.append(body)
    return bodies


def status_request(reports: Reports, options: PublishOptions, incomplete: bool) -> dict[str, Any]:
    body = {"state": conclusion(reports, incomplete),
            "description": _clip(headline(reports, incomplete), STATUS_DESCRIPTION_MAX),
            "context": options.check_name.lower()}
    if options.details_url:
        body["target_url"] = options.details_url.replace("{scan_id}", reports.scan_id)
    return body


def publish_check_run(
    client: GitHubClient, reports: Reports, target: GitHubTarget, head_sha: str,
    options: PublishOptions, incomplete: bool,
) -> dict[str, Any]:
    """Create the check run and append its annotations. Steps are at-least-once: a completed run
    of this scan with all its annotations is reused instead of creating a second one."""
    bodies = check_run_requests(reports, head_sha, options, incomplete)
    wanted = sum(len(b["output"].get("annotations", ())) for b in bodies)
    existing = _existing_check_run(client, target, head_sha, options.check_name, reports.scan_id, wanted)
    if existing is not None:
        return {"id": existing["id"], "url": existing.get("html_url", ""), "conclusion": existing.get("conclusion"),
                "annotations": wanted, "reused": True}
    created = client.request("POST", repo_path(target.owner, target.repo, "check-runs"), bodies[0])
    run_id = int(created["id"])
    for body in bodies[1:]:
        client.request("PATCH", repo_path(target.owner, target.repo, "check-runs", str(run_id)), body)
    return {"id": run_id, "url": created.get("html_url", ""), "conclusion": bodies[-1]["conclusion"],
            "annotations": wanted, "reused": False}


def _existing_check_run(
    client: GitHubClient, target: GitHubTarget, head_sha: str, name: str, scan_id: str, annotations_count: int
) -> dict[str, Any] | None:
    found = client.request("GET", repo_path(target.owner, target.repo, "commits", head_sha, "check-runs"),
                           query={"check_name": name, "filter": "latest"})
    for run in (found or {}).get("check_runs", ()):
        output = run.get("output") or {}
        if (run.get("external_id") == scan_id and run.get("status") == "completed"
                and output.get("annotations_count") == annotations_count):
            return run
    return None


def publish_status(
    client: GitHubClient, reports: Reports, target: GitHubTarget, head_sha: str,
    options: PublishOptions, incomplete: bool,
) -> dict[str, Any]:
    """A commit status: idempotent by nature, the latest state per context wins."""
    body = status_request(reports, options, incomplete)
    answer = client.request("POST", repo_path(target.owner, target.repo, "statuses", head_sha), body)
    return {"id": (answer or {}).get("id"), "state": body["state"], "context": body["context"]}


# ---------------------------------------------------------------- SARIF upload


@dataclass(frozen=True)
class SarifUpload:
    encoded: str  # gzip + base64, what the API's `sarif` field takes
    gzip_bytes: int
    results: int
    dropped: int  # results left out to stay within code scanning's limits


def prepare_sarif(sarif: bytes, max_gzip_bytes: int = SARIF_MAX_GZIP_BYTES) -> SarifUpload:
    """Fit the report within code scanning's hard limits (results per run, tags per rule, locations
    per result, runs per file, compressed size), dropping the least severe results first; then
    gzip and base64 it. An unchanged report is uploaded byte for byte."""
    document = json.loads(sarif)
    runs = document.get("runs") or []
    if len(runs) > SARIF_MAX_RUNS:
        raise PublishError(f"the SARIF report has {len(runs)} runs; code scanning takes at most {SARIF_MAX_RUNS}")
    total = sum(len(run.get("results") or ()) for run in runs)
    changed = _within_item_limits(runs)
    keep = min(SARIF_MAX_RESULTS_PER_RUN, max((len(r.get("results") or ()) for r in runs), default=0))
    while True:
        changed |= _keep_most_severe(runs, keep)
        data = json.dumps(document, separators=(",", ":")).encode() if changed else sarif
        packed = gzip.compress(data, mtime=0)
        kept = sum(len(run.get("results") or ()) for run in runs)
        if len(packed) <= max_gzip_bytes:
            return SarifUpload(base64.b64encode(packed).decode(), len(packed), kept, total - kept)
        if keep == 0:
            raise PublishError(f"the SARIF report is {len(packed)} bytes gzipped even without results; "
                               f"code scanning takes at most {max_gzip_bytes}")
        keep //= 2


def _within_item_limits(runs: list[dict[str, Any]]) -> bool:
    changed = False
    for run in runs:
        for rule in (run.get("tool") or {}).get("driver", {}).get("rules") or ():
            tags = (rule.get("properties") or {}).get("tags")
            if isinstance(tags, list) and len(tags) > SARIF_MAX_TAGS_PER_RULE:
                rule["properties"]["tags"] = tags[:SARIF_MAX_TAGS_PER_RULE]
                changed = True
        for result in run.get("results") or ():
            locations = result.get("locations")
            if isinstance(locations, list) and len(locations) > SARIF_MAX_LOCATIONS_PER_RESULT:
                result["locations"] = locations[:SARIF_MAX_LOCATIONS_PER_RESULT]
                changed = True
    return changed


def _most_severe_first(severity: str) -> int:
    """A sort key: error, warning, note (SARIF levels are the same names), then anything else."""
    try:
        return -Severity(severity).rank
    except ValueError:
        return 0


def _keep_most_severe(runs: list[dict[str, Any]], keep: int) -> bool:
    changed = False
    for run in runs:
        results = run.get("results") or []
        if len(results) > keep:
            # sorted() is stable: equal levels keep the report's own order.
            ranked = sorted(results, key=lambda r: _most_severe_first(r.get("level", "warning")))
            run["results"] = ranked[:keep]
            changed = True
    return changed


def upload_sarif(
    client: GitHubClient, reports: Reports, target: GitHubTarget, head_sha: str, options: PublishOptions
) -> dict[str, Any]:
    if not target.ref:
        raise PublishError("the SARIF upload needs github.ref (refs/heads/<branch> or refs/pull/<n>/head)")
    upload = prepare_sarif(reports.sarif, options.sarif_max_gzip_bytes)
    body = {"commit_sha": head_sha, "ref": target.ref, "sarif": upload.encoded, "tool_name": options.check_name}
    answer = client.request("POST", repo_path(target.owner, target.repo, "code-scanning", "sarifs"), body) or {}
    return {"id": answer.get("id"), "url": answer.get("url", ""), "results": upload.results,
            "dropped": upload.dropped, "gzip_bytes": upload.gzip_bytes}


# ---------------------------------------------------------------- the publish step


def publish(
    client: GitHubClient, reports: Reports, target: GitHubTarget, options: PublishOptions, *,
    incomplete: bool = False, review_context: ReviewContext | None = None,
) -> dict[str, Any]:
    """Publish each configured channel; one channel's failure is recorded and the others still go."""
    head_sha = target.head_sha or str(reports.findings["scan"]["commit"])
    if not _SHA.fullmatch(head_sha):  # a folder that is not a git repository is scanned as "tree-<hash>"
        raise PublishError(f"the scanned tree has no commit ({head_sha}): GitHub needs github.head_sha")
    result: dict[str, Any] = {"repository": f"{target.owner}/{target.repo}", "head_sha": head_sha,
                              "published": True, "errors": []}
    channels: list[tuple[str, Callable[[], dict[str, Any]]]] = []
    mode = options.channel(target.pull_number is not None)
    if mode == "review" and target.pull_number is not None:
        number = target.pull_number
        context = review_context or ReviewContext()
        channels.append(("review", lambda: publish_review(
            client, reports.findings, target.owner, target.repo, number, head_sha,
            report_url=_details_url(options, reports), complexity=context.complexity, changed=context.changed)))
    if mode == "check":
        channels.append(("check_run", lambda: publish_check_run(client, reports, target, head_sha, options, incomplete)))
    elif mode == "status":
        channels.append(("status", lambda: publish_status(client, reports, target, head_sha, options, incomplete)))
    if options.sarif:
        channels.append(("sarif", lambda: upload_sarif(client, reports, target, head_sha, options)))
    for name, send in channels:
        try:
            result[name] = send()
            if "review_error" in result[name]:  # the summary comment went; the review did not
                result["published"] = False
                result["errors"].append(f"review: {result[name]['review_error']}"[:500])
        except ShoalError as exc:
            result["published"] = False
            result["errors"].append(f"{name}: {exc.message}"[:500])
    result["requests"] = client.requests
    return result


def publish_scan(
    merged: Mapping[str, Any], github: Any, settings: Settings, *, incomplete: bool = False,
    client_factory: ClientFactory | None = None, env: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The orchestrator's publish step. The reports are already in the workspace; whatever goes
    wrong here (bad target, no token, GitHub refusing or down) is returned as `errors`, not raised,
    so the scan's own result stands."""
    options = PublishOptions.from_settings(settings)
    try:
        target = GitHubTarget.from_event(github)
        reports = Reports.load(Path(settings.workspace), merged)
        factory = client_factory or _default_client
        pull_request = target.pull_number is not None
        token = token_for(read_credentials(env), target.owner, target.repo, options.permissions(pull_request),
                          factory, options.api_url)
        context = None
        if pull_request and options.channel(pull_request) == "review":
            context = review_context(Path(settings.workspace), merged, reports)
        return publish(factory(token, options.api_url), reports, target, options, incomplete=incomplete,
                       review_context=context)
    except (ShoalError, OSError, ValueError, KeyError) as exc:
        message = exc.message if isinstance(exc, ShoalError) else f"{type(exc).__name__}: {exc}"
        return {"published": False, "errors": [message[:500]]}


@dataclass(frozen=True)
class ReviewContext:
    """What a review needs beyond the reports: which lines changed (for a scan that reports every
    finding in touched files) and the complexity change (None: not known)."""

    changed: Callable[[str, int, int], bool] | None = None
    complexity: list[FunctionChange] | None = None


def review_context(workspace: Path, merged: Mapping[str, Any], reports: Reports) -> ReviewContext:
    """The change set the checkout stored, and the touched functions' metrics at the merge base."""
    from shoal.scan.basemetrics import base_functions
    from shoal.source.changes import ChangeSet, LineIndex

    paths = ScanPaths(workspace, reports.scan_id)
    try:
        changes = ChangeSet.from_dict(json.loads(paths.changes.read_bytes()))
    except (OSError, ValueError, KeyError):
        return ReviewContext()  # not a diff scan: nothing to compare with
    try:  # the repository as the request named it (the report's copy has credentials removed)
        repository = str(json.loads(paths.checkout_manifest.read_bytes())["repository"])
    except (OSError, ValueError, KeyError):
        repository = ""
    base = base_functions(workspace, repository, changes, [str(f["path"]) for f in reports.findings.get("files", ())])
    complexity = None if base is None else complexity_changes(reports.findings.get("files", ()), base)
    return ReviewContext(LineIndex(changes).intersects, complexity)


def _details_url(options: PublishOptions, reports: Reports) -> str:
    return options.details_url.replace("{scan_id}", reports.scan_id) if options.details_url else ""


def local_target(repository: str, ref: str | None, github_ref: str | None,
                 pull_number: int | None = None) -> dict[str, Any]:
    """The target for `shoal scan --publish --github-repo OWNER/NAME` (GitHubTarget.for_cli)."""
    return GitHubTarget.for_cli(repository, ref, github_ref, pull_number).to_dict()


def outcome_line(published: Mapping[str, Any]) -> str:
    """One line for a person: where the results went, or why they did not."""
    if published.get("errors"):
        return "publishing to GitHub failed (the reports are in the workspace): " + "; ".join(published["errors"])
    parts = []
    if "check_run" in published:
        run = published["check_run"]
        parts.append(f"check run {run['url'] or run['id']} ({run['conclusion']}, {run['annotations']} annotations)")
    if "status" in published:
        parts.append(f"commit status {published['status']['state']}")
    if "review" in published:
        review = published["review"]
        summary = review["summary_comment"]
        inline = review.get("review", {})
        parts.append(f"summary comment {summary.get('url') or summary.get('id')} "
                     f"({'updated' if summary.get('updated') else 'created'}, {_plural(review['new'], 'new finding')}), "
                     f"review with {_plural(inline.get('comments', 0), 'inline comment')}"
                     + (f" ({inline['already_commented']} already commented)" if inline.get("already_commented") else ""))
    if "sarif" in published:
        parts.append(f"SARIF upload {published['sarif']['id']} ({published['sarif']['results']} results)")
    return f"published to {published.get('repository', 'GitHub')}: " + ", ".join(parts)


def _default_client(token: str, api_url: str) -> GitHubClient:
    return GitHubClient(token, api_url)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clip_bytes(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode("utf-8", "ignore") + "…"
