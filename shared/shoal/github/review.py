"""Pull-request reviews: one summary comment, found again by a hidden marker and updated in place,
and per push one review whose inline comments cover the new findings not commented on before."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shoal.errors import ShoalError
from shoal.github.api import GitHubClient, GitHubError, repo_path
from shoal.models import Severity

SUMMARY_MARKER = "<!-- shoal:summary -->"
_FINDING_MARK = re.compile(r"<!-- shoal:finding ([0-9A-Za-z_.:-]{1,200}) -->")
# GitHub refuses comment and review bodies of 65,536 characters or more; a margin for the notes.
BODY_MAX_CHARS = 65_000
INLINE_PER_REVIEW = 50  # GitHub's advice for one review; the rest are listed in its body
_SEVERITY_RANK = {s.value: s.rank for s in Severity}

ChangedLines = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class FunctionChange:
    """A touched function whose complexity, length or nesting changed (None: new or removed)."""

    path: str
    name: str
    before: tuple[int, int, int] | None  # ccn, length, nesting
    after: tuple[int, int, int] | None

    @property
    def growth(self) -> tuple[int, int, int]:
        """A sort key: the worst (most grown) first."""
        old, new = self.before or (0, 0, 0), self.after or (0, 0, 0)
        return (new[0] - old[0], new[2] - old[2], new[1] - old[1])


def complexity_changes(head: Sequence[Mapping[str, Any]], base: Mapping[str, Sequence[Mapping[str, Any]]]
                       ) -> list[FunctionChange]:
    """Functions of the head's touched files (findings.json `files`) against the same files at the
    base (path -> function dicts), matched by name and order of appearance; worst first."""
    changes = []
    for file in head:
        path = str(file["path"])
        if path not in base:
            continue
        old = _by_name(base[path])
        new = _by_name(file.get("functions") or ())
        for key in sorted(old.keys() | new.keys()):
            before, after = old.get(key), new.get(key)
            if before != after:
                changes.append(FunctionChange(path, key[0], before, after))
    return sorted(changes, key=lambda c: (tuple(-g for g in c.growth), c.path, c.name))


def _by_name(functions: Sequence[Mapping[str, Any]]) -> dict[tuple[str, int], tuple[int, int, int]]:
    seen: dict[str, int] = {}
    out = {}
    for function in functions:
        name = str(function["name"])
        seen[name] = seen.get(name, 0) + 1
        length = int(function.get("length") or int(function["end_line"]) - int(function["start_line"]) + 1)
        out[(name, seen[name])] = (int(function["ccn"]), length, int(function["max_nesting"]))
    return out


# ---------------------------------------------------------------- bodies


def _severity_first(finding: Mapping[str, Any]) -> tuple[Any, ...]:
    where = finding["location"]
    return (-_SEVERITY_RANK.get(str(finding["severity"]), 0), where["path"], where["start_line"], finding["rule_id"])


def new_findings(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the change brings in: findings labelled new against the baseline, or every finding of
    the scan when no baseline was in effect; most severe first."""
    findings = document["findings"]
    if any(f.get("baseline_state") for f in findings) or document.get("summary", {}).get("baseline"):
        findings = [f for f in findings if f.get("baseline_state") == "new"]
    return sorted(findings, key=_severity_first)


def _where(finding: Mapping[str, Any]) -> str:
    return f"{finding['location']['path']}:{finding['location']['start_line']}"


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _finding_line(finding: Mapping[str, Any]) -> str:
    return (f"- **{finding['severity']}** `{finding['rule_id']}` at `{_where(finding)}`: "
            f"{_one_line(finding['message'])}")


def _metric(before: int | None, after: int | None) -> str:
    if before == after:
        return str(after)
    return f"{'-' if before is None else before} -> {'-' if after is None else after}"


def _function_line(change: FunctionChange) -> str:
    old, new = change.before or (None, None, None), change.after or (None, None, None)
    return (f"| `{_one_line(change.name, 120)}` | `{change.path}` | {_metric(old[0], new[0])} | "
            f"{_metric(old[1], new[1])} | {_metric(old[2], new[2])} |")


def _fitted(lines: list[str], budget: int, what: str) -> tuple[list[str], int]:
    """As many lines as fit in `budget` characters, plus a line saying how many were left out."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        if used + len(line) + 1 > budget:
            rest = len(lines) - index
            return [*kept, f"- … and {rest} more {what} (the full report lists them all)"], used
        kept.append(line)
        used += len(line) + 1
    return kept, used


def summary_body(document: Mapping[str, Any], complexity: Sequence[FunctionChange] | None, report_url: str = "",
                 limit: int = BODY_MAX_CHARS) -> str:
    """The pull request's one summary comment: new findings, fixed findings and the complexity
    change of touched functions, each list cut to fit GitHub's limit and saying so."""
    new = new_findings(document)
    fixed = sorted(document.get("fixed_findings") or (), key=_severity_first)
    scan = document["scan"]
    verdict = "passed" if document["summary"].get("passed", True) else "failed"
    title = (f"**{len(new)} new finding{'s' if len(new) != 1 else ''}**" if new else "**No new findings**")
    head = [SUMMARY_MARKER, f"### Shoal: {title}" + (f", {len(fixed)} fixed" if fixed else ""), "",
            f"Scan `{scan['id']}` of `{str(scan['commit'])[:12]}` {verdict}."
            + (f" [Full report]({report_url})" if report_url else "")]
    sections: list[tuple[str, list[str], str]] = []
    if new:
        sections.append((f"#### New findings ({len(new)})", [_finding_line(f) for f in new], "new findings"))
    else:
        head += ["", "No new findings: this change adds no security, secret or complexity problem Shoal knows."]
    if fixed:
        sections.append((f"#### Fixed findings ({len(fixed)})", [_finding_line(f) for f in fixed], "fixed findings"))
    if complexity is None:
        head += ["", "_Complexity change: the base commit's metrics were not available._"]
    elif complexity:
        table = ["| Function | File | Complexity | Length | Nesting |", "| --- | --- | ---: | ---: | ---: |"]
        sections.append((f"#### Complexity change of touched functions ({len(complexity)}, worst first)",
                         [*table, *map(_function_line, complexity)], "functions"))
    else:
        head += ["", "No touched function changed its complexity, length or nesting."]
    body = "\n".join(head)
    remaining = limit - len(body) - 200
    for index, (title_line, lines, what) in enumerate(sections):
        # An equal share of what is left: a short list leaves its unused share to the next ones.
        share = max(remaining // (len(sections) - index) - len(title_line) - 4, 200)
        kept, used = _fitted(lines, share, what)
        body += "\n\n" + title_line + "\n\n" + "\n".join(kept)
        remaining -= used + len(title_line) + 4 + 200  # the "… and N more" line
    return body[:limit]


def inline_body(finding: Mapping[str, Any]) -> str:
    """One inline comment: the marker (how a later push knows it was said), the finding, its
    data-flow steps where it has them, and its fix as a suggestion GitHub applies in one click."""
    cwe = f" ({finding['cwe']})" if finding.get("cwe") else ""
    parts = [f"<!-- shoal:finding {finding['fingerprint']} -->",
             f"**Shoal {finding['severity']}** `{finding['rule_id']}`{cwe}", "", str(finding["message"])]
    steps = _flow_steps(finding)
    if steps:
        parts += ["", "Data flow:", *steps]
    fix = finding.get("fix")
    if fix:
        fence = "```" + "`" * _longest_backtick_run(fix["lines"]["text"])
        description = fix.get("description") or "Suggested fix"
        parts += ["", f"{description}:", f"{fence}suggestion", fix["lines"]["text"], fence]
    return "\n".join(parts)[:BODY_MAX_CHARS]


def _longest_backtick_run(text: str) -> int:
    runs = [len(m) for m in re.findall(r"`+", text)]
    return max(0, max(runs, default=0) - 2)


def _flow_steps(finding: Mapping[str, Any]) -> list[str]:
    """A taint finding's data-flow steps, source first: its `steps` ({path, line, column, message})."""
    raw = finding.get("steps") or ()
    steps = []
    for number, step in enumerate(raw if isinstance(raw, list) else (), start=1):
        if isinstance(step, Mapping):
            where = f"{step.get('path') or finding['location']['path']}:{step.get('line', '?')}"
            text = step.get("message") or step.get("text") or step.get("code") or ""
            steps.append(f"{number}. `{where}` {_one_line(str(text), 200)}".rstrip())
        elif isinstance(step, str):
            steps.append(f"{number}. {_one_line(step, 200)}")
    return steps[:20]


def inline_comment(finding: Mapping[str, Any]) -> dict[str, Any]:
    """A review comment on the head's side: the fix's lines when there is a fix (a suggestion
    replaces exactly the lines it is attached to), else the finding's first line."""
    where = finding["location"]
    comment: dict[str, Any] = {"path": where["path"], "side": "RIGHT", "body": inline_body(finding)}
    fix = finding.get("fix")
    first, last = (fix["lines"]["start"], fix["lines"]["end"]) if fix else (where["start_line"], where["start_line"])
    comment["line"] = max(1, int(last))
    if int(first) < int(last):
        comment.update(start_line=max(1, int(first)), start_side="RIGHT")
    return comment


# ---------------------------------------------------------------- talking to GitHub


@dataclass(frozen=True)
class PullRequest:
    client: GitHubClient
    owner: str
    repo: str
    number: int
    login: str | None = None  # who the token posts as; None: a GitHub App (its comments are a Bot's)

    def path(self, *parts: str) -> str:
        return repo_path(self.owner, self.repo, *parts)

    def ours(self, item: Mapping[str, Any]) -> bool:
        """Posted by this token: anyone can write a marker into a comment on a public pull request,
        and must not be able to hide a finding or take over the summary that way."""
        user = item.get("user") or {}
        return user.get("login") == self.login if self.login else user.get("type") == "Bot"


def token_login(client: GitHubClient) -> str | None:
    """The login a personal access token posts as; None for an App's installation token, to which
    GitHub answers 403 on /user."""
    try:
        answer = client.request("GET", "/user") or {}
    except GitHubError as exc:
        if exc.status in (403, 404):
            return None
        raise
    return str(answer.get("login") or "") or None


def upsert_summary(pr: PullRequest, body: str) -> dict[str, Any]:
    """Update the summary comment in place when an earlier push left one, else create it."""
    comments = pr.client.paginate(pr.path("issues", str(pr.number), "comments"))
    mine = [c for c in comments if SUMMARY_MARKER in str(c.get("body") or "") and pr.ours(c)]
    if mine:
        comment_id = int(mine[0]["id"])
        answer = pr.client.request("PATCH", pr.path("issues", "comments", str(comment_id)), {"body": body}) or {}
        return {"id": comment_id, "url": answer.get("html_url", ""), "updated": True}
    answer = pr.client.request("POST", pr.path("issues", str(pr.number), "comments"), {"body": body}) or {}
    return {"id": answer.get("id"), "url": answer.get("html_url", ""), "updated": False}


def commented_fingerprints(pr: PullRequest) -> set[str]:
    """Fingerprints Shoal already commented on in this pull request's reviews (any push)."""
    comments = pr.client.paginate(pr.path("pulls", str(pr.number), "comments"))
    # Findings past the inline limit were listed in a review's body, marked the same way.
    reviews = pr.client.paginate(pr.path("pulls", str(pr.number), "reviews"))
    return {m.group(1) for c in (*comments, *reviews) if pr.ours(c)
            for m in _FINDING_MARK.finditer(str(c.get("body") or ""))}


def post_review(pr: PullRequest, head_sha: str, findings: Sequence[Mapping[str, Any]],
                changed: ChangedLines | None) -> dict[str, Any]:
    """One review with inline comments on the new findings on changed lines not commented on
    before; none when there is nothing new to say."""
    said = commented_fingerprints(pr)
    fresh, seen = [], set(said)
    for finding in findings:
        where = finding["location"]
        if finding["fingerprint"] in seen:
            continue
        if changed is not None and not changed(where["path"], where["start_line"], where["end_line"]):
            continue
        seen.add(finding["fingerprint"])
        fresh.append(finding)
    result: dict[str, Any] = {"id": None, "comments": 0, "already_commented": len(said & {
        f["fingerprint"] for f in findings}), "listed_in_body": 0}
    if not fresh:
        return result
    inline, rest = fresh[:INLINE_PER_REVIEW], fresh[INLINE_PER_REVIEW:]
    body = _review_body(len(fresh), rest, "")
    request = {"commit_id": head_sha, "event": "COMMENT", "body": body, "comments": [inline_comment(f) for f in inline]}
    try:
        answer = pr.client.request("POST", pr.path("pulls", str(pr.number), "reviews"), request) or {}
    except GitHubError as exc:
        if exc.status != 422:
            raise
        # A line GitHub does not count as part of the diff refuses the whole review: say it all in
        # the body instead, so the review still reaches the pull request.
        body = _review_body(len(fresh), fresh, "GitHub refused inline comments on these lines")
        answer = pr.client.request("POST", pr.path("pulls", str(pr.number), "reviews"),
                                   {"commit_id": head_sha, "event": "COMMENT", "body": body}) or {}
        return {**result, "id": answer.get("id"), "listed_in_body": len(fresh), "inline_refused": exc.message[:300]}
    return {**result, "id": answer.get("id"), "url": answer.get("html_url", ""), "comments": len(inline),
            "listed_in_body": len(rest)}


def _review_body(count: int, listed: Sequence[Mapping[str, Any]], reason: str) -> str:
    lines = [f"Shoal: {count} new finding{'s' if count != 1 else ''} on changed lines."]
    if listed:
        why = reason or f"GitHub takes {INLINE_PER_REVIEW} inline comments per review"
        # Marked too, so a later push does not comment on them again.
        kept, _ = _fitted([_finding_line(f) + f" <!-- shoal:finding {f['fingerprint']} -->" for f in listed],
                          BODY_MAX_CHARS - 500, "findings")
        lines += ["", f"Not inline ({why}):", *kept]
    return "\n".join(lines)


def publish_review(
    client: GitHubClient, document: Mapping[str, Any], owner: str, repo: str, number: int, head_sha: str, *,
    report_url: str = "", complexity: Sequence[FunctionChange] | None = None, changed: ChangedLines | None = None,
) -> dict[str, Any]:
    """The summary comment, then the review. The summary goes first: it alone tells a reviewer
    everything, so a review that fails still leaves it (the failure is recorded by the caller)."""
    pr = PullRequest(client, owner, repo, number, token_login(client))
    summary = upsert_summary(pr, summary_body(document, complexity, report_url))
    result: dict[str, Any] = {"summary_comment": summary, "new": len(new_findings(document))}
    try:
        result["review"] = post_review(pr, head_sha, new_findings(document), changed)
    except ShoalError as exc:
        result["review_error"] = exc.message[:500]
    return result
