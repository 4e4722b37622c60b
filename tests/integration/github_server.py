"""A stand-in for GitHub's REST API on 127.0.0.1: a real ThreadingHTTPServer that checks paths,
headers and bodies the way GitHub documents them, keeps the check runs, statuses, SARIF uploads,
pull request comments and reviews it accepted (lists paginated with `Link` headers), and can be
told to answer the next requests with an error (5xx, rate limits).

Anything GitHub would refuse is answered as GitHub answers it (401, 415, 422) and recorded in
`violations`, so a test can assert that the client never sent such a request.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_VERSION = "2022-11-28"
SHA = re.compile(r"^[0-9a-f]{40}$")
REF = re.compile(r"^refs/(heads/.+|tags/.+|pull/\d+/(head|merge))$")
CHECK_STATUSES = {"queued", "in_progress", "completed"}
CONCLUSIONS = {"action_required", "cancelled", "failure", "neutral", "success", "skipped", "timed_out"}
LEVELS = {"notice", "warning", "failure"}
STATES = {"error", "failure", "pending", "success"}
CHECK_FIELDS = {"name", "head_sha", "details_url", "external_id", "status", "started_at", "conclusion",
                "completed_at", "output", "actions"}
OUTPUT_FIELDS = {"title", "summary", "text", "annotations", "images"}
ANNOTATION_FIELDS = {"path", "start_line", "end_line", "start_column", "end_column", "annotation_level",
                     "message", "title", "raw_details"}
STATUS_FIELDS = {"state", "target_url", "description", "context"}
SARIF_FIELDS = {"commit_sha", "ref", "sarif", "checkout_uri", "started_at", "tool_name", "validate"}
COMMENT_FIELDS = {"body"}
REVIEW_FIELDS = {"commit_id", "body", "event", "comments"}
REVIEW_EVENTS = {"APPROVE", "REQUEST_CHANGES", "COMMENT"}
REVIEW_COMMENT_FIELDS = {"path", "position", "body", "line", "side", "start_line", "start_side"}
SIDES = {"LEFT", "RIGHT"}
BODY_MAX = 65536  # GitHub: "body is too long (maximum is 65536 characters)"


@dataclass
class Scripted:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=lambda: {"message": "scripted"})


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


class FakeGitHub:
    def __init__(self, token: str = "ghs_test_token", owner: str = "acme", repo: str = "widgets",
                 sarif_max_gzip_bytes: int = 10 * 1000 * 1000, app_id: str = "",
                 app_public_key: bytes = b"", installation_id: int = 4242) -> None:
        self.token = token  # also the installation token the App endpoints issue
        self.app_id, self.app_public_key, self.installation_id = app_id, app_public_key, installation_id
        self.token_requests: list[dict[str, Any]] = []
        self.owner, self.repo = owner, repo
        self.sarif_max_gzip_bytes = sarif_max_gzip_bytes
        self.requests: list[Request] = []
        self.violations: list[str] = []
        self.check_runs: dict[int, dict[str, Any]] = {}
        self.statuses: list[dict[str, Any]] = []
        self.sarifs: list[dict[str, Any]] = []
        self.script: list[Scripted] = []
        # Pull requests: issue comments, reviews and review comments, in creation order.
        self.issue_comments: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.review_comments: list[dict[str, Any]] = []
        # number -> {path: head lines in the diff}; a review comment elsewhere gets GitHub's 422.
        # A pull request not named here takes comments on any line.
        self.pull_diffs: dict[int, dict[str, set[int]]] = {}
        # Who the token posts as: an App's bot (GET /user answers 403) or a user (a personal token).
        self.identity: dict[str, str] = {"login": "shoal[bot]", "type": "Bot"}
        self.page_size_cap = 100  # GitHub's per_page maximum; tests lower it to force paging
        self.down: dict[tuple[str, str], int] = {}  # (method, path suffix) -> a status it always answers
        self._next_id = 9000
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeGitHub:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, count: int, status: int, headers: dict[str, str] | None = None,
                  body: dict[str, Any] | None = None) -> None:
        for _ in range(count):
            self.script.append(Scripted(status, headers or {}, body or {"message": f"scripted {status}"}))

    def annotations(self, run_id: int) -> list[dict[str, Any]]:
        return self.check_runs[run_id]["annotations"]

    # ------------------------------------------------------------------ request handling

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                self._serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._serve("POST")

            def do_PATCH(self) -> None:  # noqa: N802
                self._serve("PATCH")

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, headers, body = fake.handle(method, self.path, dict(self.headers.items()), raw)
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def handle(self, method: str, target: str, headers: dict[str, str], raw: bytes
               ) -> tuple[int, dict[str, str], Any]:
        parts = urlsplit(target)
        lower = {k.lower(): v for k, v in headers.items()}
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                return self._refuse(400, f"{method} {parts.path}: body is not JSON")
        with self._lock:
            self.requests.append(Request(method, parts.path, parse_qs(parts.query), lower, body))
            as_app = parts.path.startswith("/app/") or parts.path.endswith("/installation")
            if as_app:
                problem = self._check_app_jwt(lower.get("authorization", ""))
                if problem:
                    return self._refuse(401, problem)
            elif lower.get("authorization") != f"Bearer {self.token}":
                return self._refuse(401, "Bad credentials")
            problem = self._check_headers(lower, raw)
            if problem:
                return self._refuse(415 if "Content-Type" in problem else 400, problem)
            for (down_method, suffix), status in self.down.items():
                if method == down_method and parts.path.endswith(suffix):
                    return status, {}, {"message": f"down {status}"}
            if self.script:
                scripted = self.script.pop(0)
                return scripted.status, scripted.headers, scripted.body
            return self._route(method, parts.path, parse_qs(parts.query), body)

    def _check_app_jwt(self, authorization: str) -> str:
        """An App authenticates with an RS256 JWT it signed: iss its id, at most 10 minutes long."""
        import jwt

        if not self.app_public_key or not authorization.startswith("Bearer "):
            return "A JSON web token could not be decoded"
        try:
            claims = jwt.decode(authorization.removeprefix("Bearer "), self.app_public_key, algorithms=["RS256"],
                                options={"require": ["iat", "exp", "iss"]}, leeway=120)
        except jwt.exceptions.PyJWTError as exc:
            return f"A JSON web token could not be decoded ({type(exc).__name__})"
        if str(claims["iss"]) != self.app_id:
            return f"'Issuer' claim ('iss') {claims['iss']!r} is not this App"
        if claims["exp"] - claims["iat"] > 600:
            return "'Expiration time' claim ('exp') is too far in the future"
        return ""

    def _check_headers(self, headers: dict[str, str], raw: bytes) -> str:
        if headers.get("accept") != "application/vnd.github+json":
            return f"Accept is {headers.get('accept')!r}, not application/vnd.github+json"
        if headers.get("x-github-api-version") != API_VERSION:
            return f"X-GitHub-Api-Version is {headers.get('x-github-api-version')!r}, not {API_VERSION}"
        if not headers.get("user-agent"):
            return "a User-Agent is required"
        if raw and not headers.get("content-type", "").startswith("application/json"):
            return "Content-Type must be application/json"
        return ""

    def _refuse(self, status: int, message: str, errors: list[str] | None = None
                ) -> tuple[int, dict[str, str], Any]:
        self.violations.append(f"{status} {message} {errors or ''}".strip())
        body: dict[str, Any] = {"message": message, "documentation_url": "https://docs.github.com/rest"}
        if errors:
            body["errors"] = errors
        return status, {}, body

    def _route(self, method: str, path: str, query: dict[str, list[str]], body: Any
               ) -> tuple[int, dict[str, str], Any]:
        prefix = f"/repos/{self.owner}/{self.repo}"
        if method == "GET" and path == prefix + "/installation":
            return 200, {}, {"id": self.installation_id, "app_id": int(self.app_id or 0)}
        if method == "POST" and path == f"/app/installations/{self.installation_id}/access_tokens":
            return self._installation_token(body)
        if method == "GET" and path == "/user":
            if self.identity["type"] == "Bot":  # GitHub's answer to an installation token
                return 403, {}, {"message": "Resource not accessible by integration"}
            return 200, {}, {"login": self.identity["login"], "type": "User"}
        if not path.startswith(prefix + "/"):
            return self._refuse(404, f"Not Found: {path}")
        rest = path[len(prefix):]
        if method == "POST" and rest == "/check-runs":
            return self._create_check_run(body)
        match = re.fullmatch(r"/check-runs/(\d+)", rest)
        if method == "PATCH" and match:
            return self._update_check_run(int(match.group(1)), body)
        match = re.fullmatch(r"/commits/([0-9a-f]{40})/check-runs", rest)
        if method == "GET" and match:
            return self._list_check_runs(match.group(1), query)
        match = re.fullmatch(r"/statuses/([^/]+)", rest)
        if method == "POST" and match:
            return self._create_status(match.group(1), body)
        if method == "POST" and rest == "/code-scanning/sarifs":
            return self._upload_sarif(body)
        routed = self._route_pull_requests(method, rest, query, body)
        if routed is not None:
            return routed
        return self._refuse(404, f"Not Found: {method} {path}")

    def _installation_token(self, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = _unknown(body or {}, {"repositories", "repository_ids", "permissions"})
        repositories = (body or {}).get("repositories", [])
        if not isinstance(repositories, list) or any(not isinstance(r, str) or "/" in r for r in repositories):
            errors.append("repositories must be a list of repository names (without the owner)")
        permissions = (body or {}).get("permissions", {})
        if not isinstance(permissions, dict) or any(v not in ("read", "write") for v in permissions.values()):
            errors.append("permissions must map a permission to read or write")
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        self.token_requests.append(body or {})
        return 201, {}, {"token": self.token, "expires_at": "2026-11-27T05:00:00Z",
                         "permissions": permissions, "repositories": [{"name": r} for r in repositories]}

    # ------------------------------------------------------------------ check runs

    def _create_check_run(self, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = _unknown(body, CHECK_FIELDS)
        if not isinstance(body.get("name"), str) or not body["name"]:
            errors.append("name is required")
        if not SHA.match(str(body.get("head_sha", ""))):
            errors.append("head_sha must be a 40-hex sha")
        errors += self._check_run_fields(body)
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        run_id = 1000 + len(self.check_runs)
        output = body["output"]
        self.check_runs[run_id] = {
            "id": run_id, "name": body["name"], "head_sha": body["head_sha"],
            "external_id": body.get("external_id", ""), "details_url": body.get("details_url"),
            "status": "completed" if body.get("conclusion") else body.get("status", "queued"),
            "conclusion": body.get("conclusion"), "title": output["title"], "summary": output["summary"],
            "text": output.get("text"), "annotations": list(output.get("annotations", ())),
        }
        return 201, {}, self._run_json(run_id)

    def _update_check_run(self, run_id: int, body: Any) -> tuple[int, dict[str, str], Any]:
        if run_id not in self.check_runs:
            return self._refuse(404, "Not Found")
        errors = _unknown(body, CHECK_FIELDS - {"head_sha"}) + self._check_run_fields(body)
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        run = self.check_runs[run_id]
        if "output" in body:
            run.update(title=body["output"]["title"], summary=body["output"]["summary"])
            run["annotations"].extend(body["output"].get("annotations", ()))
        if body.get("conclusion"):
            run.update(status="completed", conclusion=body["conclusion"])
        elif body.get("status"):
            run["status"] = body["status"]
        return 200, {}, self._run_json(run_id)

    def _check_run_fields(self, body: dict[str, Any]) -> list[str]:
        errors = []
        status = body.get("status")
        if status is not None and status not in CHECK_STATUSES:
            errors.append(f"status {status!r} is not one of {sorted(CHECK_STATUSES)}")
        conclusion = body.get("conclusion")
        if conclusion is not None and conclusion not in CONCLUSIONS:
            errors.append(f"conclusion {conclusion!r} is not one of {sorted(CONCLUSIONS)}")
        if status == "completed" and not conclusion:
            errors.append("conclusion is required when status is completed")
        output = body.get("output")
        if output is None:
            return errors
        if not isinstance(output, dict):
            return [*errors, "output must be an object"]
        errors += _unknown(output, OUTPUT_FIELDS)
        for key in ("title", "summary"):
            if not isinstance(output.get(key), str) or not output[key]:
                errors.append(f"output.{key} is required")
        for key in ("summary", "text"):
            if isinstance(output.get(key), str) and len(output[key]) > 65535:
                errors.append(f"output.{key} is {len(output[key])} characters, over 65535")
        notes = output.get("annotations", [])
        if not isinstance(notes, list) or len(notes) > 50:
            errors.append(f"output.annotations: at most 50 per request, got {len(notes)}")
            return errors
        for index, note in enumerate(notes):
            errors += [f"annotations[{index}]: {e}" for e in _annotation_errors(note)]
        return errors

    def _run_json(self, run_id: int) -> dict[str, Any]:
        run = self.check_runs[run_id]
        return {"id": run_id, "name": run["name"], "head_sha": run["head_sha"], "external_id": run["external_id"],
                "status": run["status"], "conclusion": run["conclusion"],
                "html_url": f"https://github.com/{self.owner}/{self.repo}/runs/{run_id}",
                "output": {"title": run["title"], "summary": run["summary"],
                           "annotations_count": len(run["annotations"])}}

    def _list_check_runs(self, sha: str, query: dict[str, list[str]]) -> tuple[int, dict[str, str], Any]:
        name = query.get("check_name", [None])[0]
        runs = [self._run_json(i) for i, r in self.check_runs.items()
                if r["head_sha"] == sha and (name is None or r["name"] == name)]
        return 200, {}, {"total_count": len(runs), "check_runs": runs}

    # ------------------------------------------------------------------ statuses and SARIF

    def _create_status(self, sha: str, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = [] if SHA.match(sha) else [f"{sha} is not a commit sha"]
        errors += _unknown(body, STATUS_FIELDS)
        if body.get("state") not in STATES:
            errors.append(f"state {body.get('state')!r} is not one of {sorted(STATES)}")
        if len(str(body.get("description", ""))) > 140:
            errors.append("description is over 140 characters")
        for key in ("target_url", "description", "context"):
            if key in body and not isinstance(body[key], str):
                errors.append(f"{key} must be a string")
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        status = {"id": 500 + len(self.statuses), "sha": sha, **body}
        self.statuses.append(status)
        return 201, {}, {"id": status["id"], "state": body["state"], "context": body.get("context", "default")}

    def _upload_sarif(self, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = _unknown(body, SARIF_FIELDS)
        if not SHA.match(str(body.get("commit_sha", ""))):
            errors.append("commit_sha must be a 40-hex sha")
        if not REF.match(str(body.get("ref", ""))):
            errors.append(f"ref {body.get('ref')!r} is not refs/heads/<b>, refs/tags/<t> or refs/pull/<n>/head|merge")
        document = None
        try:
            packed = base64.b64decode(str(body.get("sarif", "")), validate=True)
            if len(packed) > self.sarif_max_gzip_bytes:
                return self._refuse(413, "Payload Too Large: SARIF file is too large")
            document = json.loads(gzip.decompress(packed))
        except (ValueError, OSError, EOFError) as exc:
            errors.append(f"sarif is not gzip + base64 JSON: {type(exc).__name__}")
        if document is not None:
            runs = document.get("runs") or []
            if document.get("version") != "2.1.0":
                errors.append("sarif version is not 2.1.0")
            if len(runs) > 20:
                errors.append("more than 20 runs")
            if any(len(run.get("results") or ()) > 25_000 for run in runs):
                errors.append("a run has more than 25,000 results")
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        upload_id = f"47177e22-5596-11eb-80a1-c1e54ef945c{len(self.sarifs)}"
        self.sarifs.append({"id": upload_id, "commit_sha": body["commit_sha"], "ref": body["ref"],
                            "tool_name": body.get("tool_name"), "document": document})
        return 202, {}, {"id": upload_id,
                         "url": f"https://api.github.com/repos/{self.owner}/{self.repo}/code-scanning/sarifs/{upload_id}"}


    # ------------------------------------------------------------------ pull request comments and reviews

    def _route_pull_requests(self, method: str, rest: str, query: dict[str, list[str]], body: Any
                             ) -> tuple[int, dict[str, str], Any] | None:
        """Paths below /repos/{owner}/{repo}; None: not one of these."""
        match = re.fullmatch(r"/issues/(\d+)/comments", rest)
        if match and method == "GET":
            number = int(match.group(1))
            return self._page(rest, query, [self._comment_json(c) for c in self.issue_comments if c["number"] == number])
        if match and method == "POST":
            return self._create_issue_comment(int(match.group(1)), body)
        match = re.fullmatch(r"/issues/comments/(\d+)", rest)
        if match and method == "PATCH":
            return self._update_issue_comment(int(match.group(1)), body)
        match = re.fullmatch(r"/pulls/(\d+)/comments", rest)
        if match and method == "GET":
            number = int(match.group(1))
            return self._page(rest, query, [dict(c) for c in self.review_comments if c["number"] == number])
        match = re.fullmatch(r"/pulls/(\d+)/reviews", rest)
        if match and method == "GET":
            number = int(match.group(1))
            return self._page(rest, query, [dict(r) for r in self.reviews if r["number"] == number])
        if match and method == "POST":
            return self._create_review(int(match.group(1)), body)
        return None

    def _page(self, rest: str, query: dict[str, list[str]], items: list[dict[str, Any]]
              ) -> tuple[int, dict[str, str], Any]:
        """GitHub's pagination: per_page (default 30, at most 100), page from 1, and a Link header
        with rel="next" and rel="last" while there are more pages."""
        try:
            per_page = min(int(query.get("per_page", ["30"])[0]), 100, self.page_size_cap)
            page = int(query.get("page", ["1"])[0])
        except ValueError:
            return self._refuse(422, "Validation Failed", ["per_page and page must be integers"])
        if per_page < 1 or page < 1:
            return self._refuse(422, "Validation Failed", ["per_page and page start at 1"])
        last = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page: page * per_page]
        base = f"{self.url}/repos/{self.owner}/{self.repo}{rest}?per_page={per_page}"
        links = []
        if page < last:
            links.append(f'<{base}&page={page + 1}>; rel="next"')
            links.append(f'<{base}&page={last}>; rel="last"')
        return 200, ({"Link": ", ".join(links)} if links else {}), chunk

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _body_errors(self, body: Any, fields: set[str]) -> list[str]:
        errors = _unknown(body, fields)
        if not errors and (not isinstance(body.get("body"), str) or not body["body"]):
            errors.append("body is required")
        elif not errors and len(body["body"]) >= BODY_MAX:
            errors.append(f"body is too long (maximum is {BODY_MAX} characters)")
        return errors

    def _comment_json(self, comment: dict[str, Any]) -> dict[str, Any]:
        return {"id": comment["id"], "body": comment["body"], "user": comment["user"],
                "html_url": f"https://github.com/{self.owner}/{self.repo}/pull/{comment['number']}"
                            f"#issuecomment-{comment['id']}"}

    def _create_issue_comment(self, number: int, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = self._body_errors(body, COMMENT_FIELDS)
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        comment = {"id": self._new_id(), "number": number, "body": body["body"], "edits": 0,
                   "user": dict(self.identity)}
        self.issue_comments.append(comment)
        return 201, {}, self._comment_json(comment)

    def _update_issue_comment(self, comment_id: int, body: Any) -> tuple[int, dict[str, str], Any]:
        found = [c for c in self.issue_comments if c["id"] == comment_id]
        if not found:
            return self._refuse(404, "Not Found")
        if found[0]["user"] != self.identity:  # someone else's comment
            return self._refuse(403, "Resource not accessible by integration")
        errors = self._body_errors(body, COMMENT_FIELDS)
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        found[0].update(body=body["body"], edits=found[0]["edits"] + 1)
        return 200, {}, self._comment_json(found[0])

    def _create_review(self, number: int, body: Any) -> tuple[int, dict[str, str], Any]:
        errors = _unknown(body, REVIEW_FIELDS)
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        event = body.get("event")
        if event is not None and event not in REVIEW_EVENTS:
            errors.append(f"event {event!r} is not one of {sorted(REVIEW_EVENTS)}")
        if event in ("COMMENT", "REQUEST_CHANGES") and not body.get("body"):
            errors.append(f"body is required when event is {event}")
        if len(str(body.get("body", ""))) >= BODY_MAX:
            errors.append(f"body is too long (maximum is {BODY_MAX} characters)")
        if "commit_id" in body and not SHA.match(str(body["commit_id"])):
            errors.append("commit_id must be a 40-hex sha")
        comments = body.get("comments", [])
        if not isinstance(comments, list):
            errors.append("comments must be a list")
            comments = []
        for index, comment in enumerate(comments):
            errors += [f"comments[{index}]: {e}" for e in self._review_comment_errors(comment)]
        if errors:
            return self._refuse(422, "Validation Failed", errors)
        diff = self.pull_diffs.get(number)
        for comment in comments:
            lines = range(comment.get("start_line", comment["line"]), comment["line"] + 1)
            if diff is not None and not all(line in diff.get(comment["path"], ()) for line in lines):
                return self._refuse(422, "Unprocessable Entity",
                                    ["Pull request review thread line must be part of the diff"])
        review_id = self._new_id()
        review = {"id": review_id, "number": number, "body": body.get("body", ""), "state": "COMMENTED",
                  "user": dict(self.identity),
                  "commit_id": body.get("commit_id"),
                  "html_url": f"https://github.com/{self.owner}/{self.repo}/pull/{number}#pullrequestreview-{review_id}"}
        self.reviews.append(review)
        for comment in comments:
            self.review_comments.append({
                "id": self._new_id(), "number": number, "pull_request_review_id": review_id,
                "user": dict(self.identity),
                "commit_id": body.get("commit_id"), **comment})
        return 200, {}, dict(review)

    def _review_comment_errors(self, comment: Any) -> list[str]:
        errors = _unknown(comment, REVIEW_COMMENT_FIELDS)
        if errors:
            return errors
        for key in ("path", "body"):
            if not isinstance(comment.get(key), str) or not comment[key]:
                errors.append(f"{key} is required")
        if len(str(comment.get("body", ""))) >= BODY_MAX:
            errors.append(f"body is too long (maximum is {BODY_MAX} characters)")
        line = comment.get("line")
        if not isinstance(line, int) or line < 1:
            errors.append("line must be a positive integer (position is closing down)")
        if comment.get("side", "RIGHT") not in SIDES or comment.get("start_side", "RIGHT") not in SIDES:
            errors.append("side and start_side are LEFT or RIGHT")
        start = comment.get("start_line")
        if start is not None and (not isinstance(start, int) or not isinstance(line, int) or not 1 <= start < line):
            errors.append("start_line must precede line")
        return errors


def _unknown(body: Any, known: set[str]) -> list[str]:
    if not isinstance(body, dict):
        return ["the body must be a JSON object"]
    return [f"unknown field {key!r}" for key in sorted(set(body) - known)]


def _annotation_errors(note: Any) -> list[str]:
    if not isinstance(note, dict):
        return ["not an object"]
    errors = _unknown(note, ANNOTATION_FIELDS)
    for key in ("path", "message"):
        if not isinstance(note.get(key), str) or not note[key]:
            errors.append(f"{key} is required")
    start, end = note.get("start_line"), note.get("end_line")
    if not isinstance(start, int) or not isinstance(end, int) or start < 1 or end < start:
        errors.append(f"start_line/end_line {start}/{end} must be whole numbers, 1 <= start <= end")
    if note.get("annotation_level") not in LEVELS:
        errors.append(f"annotation_level {note.get('annotation_level')!r} is not one of {sorted(LEVELS)}")
    if ("start_column" in note or "end_column" in note) and start != end:
        errors.append("start_column/end_column are only allowed when start_line equals end_line")
    if "title" in note and (not isinstance(note["title"], str) or len(note["title"]) > 255):
        errors.append("title must be a string of at most 255 characters")
    if len(str(note.get("message", "")).encode()) > 64 * 1024:
        errors.append("message is over 64 KB")
    return errors
