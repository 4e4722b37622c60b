"""Credentials for publishing results: a token, or a GitHub App's id and private key exchanged for
an installation token for the one repository being published to.

Check runs can only be created by a GitHub App, and its installation tokens expire after an hour,
so the App's key (not a token) is what a deployment keeps in Secrets Manager. The secret holds:
  - a token as plain text, or `{"token": "..."}` (a personal access token: statuses and SARIF), or
  - `{"app_id": "123", "private_key": "-----BEGIN RSA PRIVATE KEY-----...", "installation_id": 45}`
    (installation_id optional: looked up from the repository).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shoal.config import ENV_GITHUB_TOKEN, ENV_GITHUB_TOKEN_SECRET
from shoal.errors import ShoalError
from shoal.github.api import GitHubClient, repo_path

# GitHub refuses an App JWT that expires more than 10 minutes after it was issued; iat is set a
# minute back against clock drift, as GitHub recommends.
JWT_BACKDATE_SECONDS = 60
JWT_LIFETIME_SECONDS = 540
SECRET_MAX_AGE_SECONDS = 300  # Powertools caches the secret this long in a warm Lambda

ClientFactory = Callable[[str, str], GitHubClient]  # (token, api_url) -> client


class CredentialsError(ShoalError):
    """No usable GitHub credentials: nothing configured, an unreadable secret, a malformed key."""


@dataclass(frozen=True)
class TokenCredentials:
    token: str = field(repr=False)


@dataclass(frozen=True)
class AppCredentials:
    app_id: str
    private_key: str = field(repr=False)
    installation_id: int | None = None


Credentials = TokenCredentials | AppCredentials


def read_credentials(env: Mapping[str, str] | None = None) -> Credentials:
    """SHOAL_GITHUB_TOKEN (local use), else the Secrets Manager secret named (or ARN'd) by
    SHOAL_GITHUB_TOKEN_SECRET, read with Powertools parameters."""
    env = os.environ if env is None else env
    if env.get(ENV_GITHUB_TOKEN):
        return TokenCredentials(env[ENV_GITHUB_TOKEN].strip())
    name = env.get(ENV_GITHUB_TOKEN_SECRET)
    if not name:
        raise CredentialsError(
            f"publishing to GitHub is configured but there is no token: set {ENV_GITHUB_TOKEN_SECRET} to a "
            f"Secrets Manager secret name, or {ENV_GITHUB_TOKEN} for local use"
        )
    from aws_lambda_powertools.utilities import parameters

    try:
        value = parameters.get_secret(name, max_age=SECRET_MAX_AGE_SECONDS)
    except parameters.exceptions.GetParameterError as exc:
        raise CredentialsError(f"could not read the GitHub token secret {name!r}: {exc}") from None
    text = value.decode() if isinstance(value, bytes) else str(value)
    return parse_secret(name, text)


def parse_secret(name: str, text: str) -> Credentials:
    if not text.lstrip().startswith("{"):
        if "PRIVATE KEY" in text:
            raise CredentialsError(f"secret {name!r} holds a private key alone: store "
                                   '{"app_id": "...", "private_key": "..."} for a GitHub App')
        if not text.strip():
            raise CredentialsError(f"secret {name!r} is empty: put the GitHub token in it")
        return TokenCredentials(text.strip())
    try:
        document: Any = json.loads(text)
    except ValueError:
        raise CredentialsError(f"secret {name!r} starts like JSON but is not valid JSON") from None
    if isinstance(document, dict) and isinstance(document.get("token"), str):
        return TokenCredentials(document["token"].strip())
    if isinstance(document, dict) and document.get("app_id") and isinstance(document.get("private_key"), str):
        installation = document.get("installation_id")
        if installation is not None and not str(installation).isdigit():
            raise CredentialsError(f"secret {name!r}: installation_id {installation!r} is not a number")
        return AppCredentials(str(document["app_id"]), document["private_key"],
                              int(installation) if installation is not None else None)
    raise CredentialsError(f"secret {name!r} is JSON without a string 'token', nor an 'app_id' with a "
                           "'private_key'")


def app_jwt(app: AppCredentials, now: float) -> str:
    """The JWT a GitHub App signs (RS256) to act as itself: issued by the App, ten minutes at most."""
    import jwt

    issued = int(now) - JWT_BACKDATE_SECONDS
    claims = {"iat": issued, "exp": issued + JWT_LIFETIME_SECONDS, "iss": app.app_id}
    try:
        return jwt.encode(claims, app.private_key, algorithm="RS256")
    except (ValueError, TypeError, jwt.exceptions.PyJWTError) as exc:
        raise CredentialsError(f"the GitHub App private key is not a usable PEM RSA key ({type(exc).__name__})") from None


def installation_token(
    app: AppCredentials, owner: str, repo: str, permissions: Mapping[str, str],
    client_factory: ClientFactory, api_url: str, clock: Callable[[], float] = time.time,
) -> str:
    """An installation token limited to this repository and to the permissions publishing needs."""
    client = client_factory(app_jwt(app, clock()), api_url)
    installation = app.installation_id
    if installation is None:
        found = client.request("GET", repo_path(owner, repo, "installation"))
        installation = int(found["id"])
    body = {"repositories": [repo], "permissions": dict(permissions)}
    answer = client.request("POST", f"/app/installations/{installation}/access_tokens", body)
    return str(answer["token"])


def token_for(
    credentials: Credentials, owner: str, repo: str, permissions: Mapping[str, str],
    client_factory: ClientFactory, api_url: str, clock: Callable[[], float] = time.time,
) -> str:
    if isinstance(credentials, TokenCredentials):
        return credentials.token
    return installation_token(credentials, owner, repo, permissions, client_factory, api_url, clock)
