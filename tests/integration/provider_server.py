"""Stand-ins for the providers' read-only APIs that `--verify-secrets` calls, on 127.0.0.1: one
ThreadingHTTPServer that answers `/<provider host><path>` (how SHOAL_TEST_VERIFY_BASE redirects
the verifier) as each provider documents it: the header the credential travels in, the status or
JSON body of a good and a bad one, and AWS STS's SigV4-signed GetCallerIdentity, whose signature
is recomputed with the secret key the server knows.

A test registers live credentials with `live(host, value)`; anything else is refused as the
provider refuses it. Every request is recorded (host, path, headers, body), so a test can assert
that a value only ever went to its own provider. `slow` and `throttled` hosts answer late or 429.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    host: str
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def _bearer(headers: dict[str, str]) -> str:
    auth = headers.get("authorization", "")
    return auth[7:] if auth.startswith("Bearer ") else ""


def _header(name: str) -> Any:
    return lambda headers: headers.get(name.lower(), "")


def _basic_password(headers: dict[str, str]) -> str:
    auth = headers.get("authorization", "")
    if not auth.startswith("Basic "):
        return ""
    user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
    return password if user == "api" else ""


# host -> (method, path, how the credential is read, status for a refused one). The hosts and
# paths are those shoal.secrets.verify calls; the refusals are the providers' documented ones.
ROUTES: dict[str, tuple[str, str, Any, int]] = {
    "api.github.com": ("GET", "/user", _bearer, 401),
    "gitlab.com": ("GET", "/api/v4/user", _header("PRIVATE-TOKEN"), 401),
    "api.stripe.com": ("GET", "/v1/balance", _bearer, 401),
    "api.openai.com": ("GET", "/v1/models", _bearer, 401),
    "api.anthropic.com": ("GET", "/v1/models", _header("x-api-key"), 401),
    "registry.npmjs.org": ("GET", "/-/whoami", _bearer, 401),
    "api.sendgrid.com": ("GET", "/v3/scopes", _bearer, 401),
    "huggingface.co": ("GET", "/api/whoami-v2", _bearer, 401),
    "api.digitalocean.com": ("GET", "/v2/account", _bearer, 401),
    "discord.com": ("GET", "/api/v10/users/@me", lambda h: h.get("authorization", "").removeprefix("Bot "), 401),
    "api.heroku.com": ("GET", "/account", _bearer, 401),
    "api.getpostman.com": ("GET", "/me", _header("X-API-Key"), 401),
    "api.notion.com": ("GET", "/v1/users/me", _bearer, 401),
    "api.mailgun.net": ("GET", "/v3/domains", _basic_password, 401),
    "api.cloudflare.com": ("GET", "/client/v4/user/tokens/verify", _bearer, 401),
    "api.vercel.com": ("GET", "/v2/user", _bearer, 403),
    "api.netlify.com": ("GET", "/api/v1/user", _bearer, 401),
    "api.groq.com": ("GET", "/openai/v1/models", _bearer, 401),
    "api.mistral.ai": ("GET", "/v1/models", _bearer, 401),
    "openrouter.ai": ("GET", "/api/v1/key", _bearer, 401),
    "circleci.com": ("GET", "/api/v2/me", _header("Circle-Token"), 401),
}
# Headers a provider requires beyond the credential (Anthropic and Notion refuse calls without them).
REQUIRED = {"api.anthropic.com": "anthropic-version", "api.notion.com": "notion-version"}


@dataclass
class ProviderServer:
    live_values: dict[str, set[str]] = field(default_factory=dict)
    aws_keys: dict[str, str] = field(default_factory=dict)  # live key id -> secret access key
    requests: list[Request] = field(default_factory=list)
    slow_seconds: float = 0.0
    throttled: set[str] = field(default_factory=set)  # hosts that answer 429
    redirect_to: str = ""  # a host that `/redirect` paths send the client on to (302)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def live(self, host: str, value: str) -> None:
        self.live_values.setdefault(host, set()).add(value)

    def start(self) -> str:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.handle(self)

            def do_POST(self) -> None:
                server.handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def sent_to(self, value: str) -> set[str]:
        """The hosts a value was sent to, in a header (Basic credentials decoded), the path or the body."""
        def carries(request: Request) -> bool:
            texts = [request.path, request.body.decode("latin-1"), *request.headers.values()]
            texts += [base64.b64decode(v[6:]).decode("latin-1") for v in request.headers.values() if v.startswith("Basic ")]
            return any(value in text for text in texts)

        return {request.host for request in self.requests if carries(request)}

    # --- answering --------------------------------------------------------------------------

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        raw_path = urlsplit(handler.path).path
        host, _, rest = raw_path.lstrip("/").partition("/")
        path = "/" + rest
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self.lock:
            self.requests.append(Request(host, handler.command, path, headers, body))
        if self.slow_seconds:
            time.sleep(self.slow_seconds)
        if self.redirect_to and path == "/redirect":
            handler.send_response(302)
            handler.send_header("Location", f"http://{handler.headers['Host']}/{self.redirect_to}/steal")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if host == "sts.amazonaws.com":
            status, answer, kind = self._sts(handler.command, raw_path, headers, body)
        else:
            status, answer, kind = self.answer(host, handler.command, path, headers, body)
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def answer(self, host: str, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any, str]:
        json_type = "application/json"
        if host in self.throttled:
            return 429, {"message": "rate limited"}, json_type
        live = self.live_values.get(host, set())
        if host == "slack.com" and path == "/api/auth.test" and method == "POST":
            ok = _bearer(headers) in live
            return 200, {"ok": True, "user": "bot"} if ok else {"ok": False, "error": "invalid_auth"}, json_type
        if host == "api.datadoghq.com" and path == "/api/v1/validate":
            if headers.get("dd-api-key", "") in live:
                return 200, {"valid": True}, json_type
            return 403, {"errors": ["Forbidden"]}, json_type
        if host == "api.telegram.org" and path.endswith("/getMe"):
            token = path.removeprefix("/bot").removesuffix("/getMe")
            if token in live:
                return 200, {"ok": True, "result": {"is_bot": True}}, json_type
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}, json_type
        route = ROUTES.get(host)
        if route is None or (method, path) != route[:2]:
            return 404, {"message": "Not Found"}, json_type
        if REQUIRED.get(host) and REQUIRED[host] not in headers:
            return 400, {"message": f"missing {REQUIRED[host]}"}, json_type
        value = route[2](headers)
        if host == "api.stripe.com" and value in self.live_values.get("stripe-restricted", set()):
            return 403, {"error": {"type": "invalid_request_error"}}, json_type  # live, lacks the permission
        return (200, {"id": 1}, json_type) if value and value in live else (route[3], {"message": "Bad credentials"},
                                                                           json_type)

    def _sts(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any, str]:
        """GetCallerIdentity: a form POST signed with SigV4; the signature is recomputed here over
        the path as the client sent it."""
        xml = "text/xml"
        form = parse_qs(body.decode())
        if method != "POST" or form.get("Action") != ["GetCallerIdentity"]:
            return 400, _sts_error("InvalidAction", "not GetCallerIdentity"), xml
        auth = headers.get("authorization", "")
        try:
            credential = auth.split("Credential=", 1)[1].split(",", 1)[0]
            key_id = credential.split("/", 1)[0]
        except IndexError:
            return 403, _sts_error("MissingAuthenticationToken", "no signature"), xml
        if key_id not in self.aws_keys:
            return 403, _sts_error("InvalidClientTokenId", "The security token included in the request is invalid."), xml
        if _sigv4(method, path, headers, body, key_id, self.aws_keys[key_id]) != auth:
            return 403, _sts_error("SignatureDoesNotMatch", "The request signature we calculated does not match"), xml
        return 200, (
            b"<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            b"<Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>"
            b"</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
            b"</GetCallerIdentityResponse>"
        ), xml


def _sts_error(code: str, message: str) -> bytes:
    return (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
            "<RequestId>1</RequestId></ErrorResponse>").encode()


def _sigv4(method: str, path: str, headers: dict[str, str], body: bytes, key_id: str, secret: str) -> str:
    """The Authorization header SigV4 gives this request under (key_id, secret), computed with
    botocore's signer over the headers the client signed, at the client's timestamp."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    signed = headers["authorization"].split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";")
    request = AWSRequest(method=method, url=f"http://{headers['host']}{path}", data=body,
                         headers={name: headers[name] for name in signed if name in headers})
    request.context["timestamp"] = headers["x-amz-date"]
    signer = SigV4Auth(Credentials(key_id, secret), "sts", "us-east-1")
    canonical = signer.canonical_request(request)
    signature = signer.signature(signer.string_to_sign(request, canonical), request)
    return (f"AWS4-HMAC-SHA256 Credential={signer.scope(request)}, "
            f"SignedHeaders={signer.signed_headers(signer.headers_to_sign(request))}, Signature={signature}")
