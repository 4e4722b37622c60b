"""A small client for GitHub's REST API (api.github.com or a GitHub Enterprise Server `/api/v3`).

urllib3 comes with botocore, so Lambda and the local CLI already have it. The client sends the
headers GitHub documents (`Accept: application/vnd.github+json`, `X-GitHub-Api-Version`, a bearer
token, a User-Agent) and owns its retries: transient 5xx, connection failures and rate limits
(403/429 with `Retry-After` or `x-ratelimit-remaining: 0`) are retried with a bounded backoff;
`sleep` and `clock` are injectable so tests wait for nothing.
"""

from __future__ import annotations

import ipaddress
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import urllib3

from shoal import __version__
from shoal.errors import InputError, RetryableError, ShoalError

DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
USER_AGENT = f"shoal/{__version__}"
_TRANSIENT = frozenset({500, 502, 503, 504})


class GitHubError(ShoalError):
    """GitHub refused the request (bad token, missing permission, invalid body): terminal."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class GitHubUnavailable(RetryableError):
    """GitHub stayed unavailable or rate limited after the bounded retries."""


@dataclass(frozen=True)
class RetryPolicy:
    """At most `attempts` tries; waits grow from `base_delay`, and no single wait may exceed
    `max_wait` (a rate limit that resets later than that gives up at once, rather than holding a
    Lambda for up to an hour)."""

    attempts: int = 5
    base_delay: float = 1.0
    max_wait: float = 60.0

    def backoff(self, attempt: int) -> float:
        return min(self.base_delay * 2**attempt, self.max_wait)


def validate_api_url(url: str) -> str:
    """https only, so the token never travels in clear; plain http is allowed on loopback (tests)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(f"GitHub API URL {url!r} is not an http(s) URL: use https://api.github.com "
                         "or https://<host>/api/v3 for GitHub Enterprise Server")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InputError(f"GitHub API URL {url!r} is plain http: use https (http only for 127.0.0.1/localhost)")
    if parts.query or parts.fragment:
        raise InputError(f"GitHub API URL {url!r} must not carry a query or fragment")
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def repo_path(owner: str, repo: str, *parts: str) -> str:
    """`/repos/{owner}/{repo}/...` with every segment escaped."""
    return "/" + "/".join(quote(p, safe="") for p in ("repos", owner, repo, *parts))


class GitHubClient:
    def __init__(
        self,
        token: str,
        api_url: str = DEFAULT_API_URL,
        *,
        policy: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        timeout: float = 30.0,
    ) -> None:
        if not token or not token.strip():
            raise InputError("the GitHub token is empty")
        self.api_url = validate_api_url(api_url)
        self._token = token.strip()
        self._policy = policy
        self._sleep = sleep
        self._clock = clock
        self._timeout = urllib3.Timeout(total=timeout)
        # Our own loop decides on retries: urllib3's would also retry on statuses we treat as final.
        self._pool = urllib3.PoolManager(retries=False)
        self.requests = 0  # sent, retries included: reported in the publish result

    def headers(self) -> dict[str, str]:
        return {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": API_VERSION,
            "Authorization": f"Bearer {self._token}",
            "User-Agent": USER_AGENT,
        }

    def request(
        self, method: str, path: str, body: Any = None, query: Mapping[str, str] | None = None
    ) -> Any:
        """Send one call, retrying what is transient; return the decoded JSON (None when empty)."""
        url = self.api_url + path + (f"?{urlencode(query)}" if query else "")
        return _decode(self._send(method, path, url, body).data)

    def paginate(self, path: str, query: Mapping[str, str] | None = None, max_pages: int = 100) -> list[Any]:
        """Every item of a list endpoint, following the `Link: <...>; rel="next"` headers GitHub
        sends; a next link to another host is refused, since the token would go with it."""
        url = self.api_url + path + "?" + urlencode({"per_page": "100", **(query or {})})
        items: list[Any] = []
        for _ in range(max_pages):
            response = self._send("GET", path, url, None)
            page = _decode(response.data)
            if not isinstance(page, list):
                raise GitHubError(f"GET {path} answered with a {type(page).__name__}, not a list")
            items.extend(page)
            url = next_link(response.headers.get("link", ""))
            if not url:
                return items
            if urlsplit(url)[:2] != urlsplit(self.api_url)[:2]:
                raise GitHubError(f"GET {path}: the next page is on another host ({urlsplit(url).netloc})")
        raise GitHubError(f"GET {path} has more than {max_pages} pages")

    def _send(self, method: str, path: str, url: str, body: Any) -> Any:
        headers = self.headers()
        data = None
        if body is not None:
            data = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        last = ""
        for attempt in range(self._policy.attempts):
            self.requests += 1
            try:
                response = self._pool.request(method, url, body=data, headers=headers,
                                              timeout=self._timeout, redirect=False)
            except urllib3.exceptions.HTTPError as exc:
                last = f"{method} {path} failed: {type(exc).__name__}"
                wait = self._policy.backoff(attempt)
            else:
                if response.status < 300:
                    return response
                wait, last = self._judge(method, path, response, attempt)
            if attempt + 1 < self._policy.attempts:
                self._sleep(wait)
        raise GitHubUnavailable(f"{last}; gave up after {self._policy.attempts} attempts")

    def _judge(self, method: str, path: str, response: Any, attempt: int) -> tuple[float, str]:
        """How long to wait before retrying this error response; raise when it is not worth it."""
        status = response.status
        what = f"{method} {path} answered {status}: {_message(response.data)}"
        if status in _TRANSIENT:
            return _retry_after(response) or self._policy.backoff(attempt), what
        if status in (403, 429):
            wait = self._rate_limit_wait(response)
            if wait is None and status == 429:
                wait = self._policy.backoff(attempt)
            if wait is not None:
                if wait > self._policy.max_wait:
                    raise GitHubUnavailable(f"{what}; rate limited for {wait:.0f} s, more than the "
                                            f"{self._policy.max_wait:.0f} s this client waits")
                return wait, what
        raise GitHubError(what, status)

    def _rate_limit_wait(self, response: Any) -> float | None:
        """GitHub's documented signals: Retry-After, or no requests left until x-ratelimit-reset."""
        after = _retry_after(response)
        if after is not None:
            return after
        if response.headers.get("x-ratelimit-remaining") == "0":
            reset = response.headers.get("x-ratelimit-reset", "")
            if reset.isdigit():
                return max(0.0, int(reset) - self._clock()) + 1.0
            return self._policy.max_wait
        return None


def next_link(header: str) -> str:
    """The rel="next" URL of an RFC 8288 Link header, "" when there is none (the last page)."""
    for part in header.split(","):
        target, _, params = part.strip().partition(";")
        if re.search(r'\brel="?next"?', params) and target.strip().startswith("<"):
            return target.strip()[1:-1]
    return ""


def _retry_after(response: Any) -> float | None:
    raw = (response.headers.get("retry-after") or "").strip()
    return float(raw) if raw.isdigit() else None


def _decode(data: bytes) -> Any:
    if not data:
        return None
    try:
        return json.loads(data)
    except ValueError:
        raise GitHubError("GitHub answered with a body that is not JSON") from None


def _message(data: bytes) -> str:
    """GitHub's error `message` (and the first validation error), short; never the request."""
    try:
        document = json.loads(data)
    except ValueError:
        return data[:200].decode("utf-8", "replace") or "(no body)"
    if not isinstance(document, dict):
        return str(document)[:200]
    text = str(document.get("message", ""))
    errors = document.get("errors")
    if isinstance(errors, list) and errors:
        text += f" ({json.dumps(errors[0], sort_keys=True)[:200]})"
    return text[:400] or "(no message)"
