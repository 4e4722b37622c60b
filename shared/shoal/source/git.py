"""A private scratch repository and a locked-down way to run git against it: no hooks, no fsmonitor,
no credential helpers, no config file but our own `-c`, and an environment built from scratch."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from shoal.errors import RetryableError
from shoal.source.specs import RepoKind

GIT_TIMEOUT_SECONDS = 900.0

# git holds a blob smaller than core.bigFileThreshold whole in memory when it indexes, packs or
# prints it (its default is 512 MiB); above it, git streams. Never below the scan's own size cap,
# so git diff still gives the changed lines of every file a scan analyses.
_BIG_FILE_BYTES = 8 * 1024 * 1024

# Substrings of git's stderr that mean "the network or the server had a bad moment".
_TRANSIENT_MARKERS = (
    "could not resolve host",
    "connection timed out",
    "operation timed out",
    "timed out",
    "connection reset",
    "connection refused",
    "failed to connect",
    "couldn't connect to server",
    "early eof",
    "rpc failed",
    "the remote end hung up unexpectedly",
    "returned error: 500",
    "returned error: 502",
    "returned error: 503",
    "returned error: 504",
    "http/2 stream",
    "gnutls recv error",
    "ssl_read",
    "temporary failure in name resolution",
)
# Substrings that mean the remote side has no such ref or no usable shallow fetch of it.
_NO_SUCH_REF_MARKERS = ("couldn't find remote ref", "could not find remote ref")


class ScratchGit:
    """A private repository in `scratch` and a locked-down way to run git against it."""

    def __init__(self, scratch: Path, kind: RepoKind, timeout: float, max_file_bytes: int | None = None) -> None:
        self.root = scratch / "shoal-git"
        self.git_dir = self.root / "repo.git"
        self.home = self.root / "home"
        self.timeout = timeout
        self.kind = kind
        self.max_file_bytes = max_file_bytes  # blobs over it are not exported (None: no cap)
        if self.root.exists():
            shutil.rmtree(self.root)  # a previous attempt's objects: start clean, stay idempotent
        self.home.mkdir(parents=True)
        self.run("init", "--bare", "--quiet", str(self.git_dir), with_git_dir=False)

    def env(self) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PROTOCOL_FROM_USER": "0",
            "GIT_NO_REPLACE_OBJECTS": "1",
            "LC_ALL": "C",
            "LANGUAGE": "C",
        }
        # Proxies and CA bundles are the operator's (not the repository's) and https needs them;
        # so are where git's helpers and libraries live (on Lambda, the git layer under /opt).
        for name in (
            "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
            "SSL_CERT_FILE", "SSL_CERT_DIR", "GIT_SSL_CAINFO", "CURL_CA_BUNDLE",
            "GIT_EXEC_PATH", "LD_LIBRARY_PATH",
        ):
            if name in os.environ:
                env[name] = os.environ[name]
        return env

    def config_args(self) -> list[str]:
        settings = [
            "core.hooksPath=" + os.devnull,
            "core.fsmonitor=false",
            "core.askPass=",
            "credential.helper=",
            "protocol.allow=never",
            "protocol.ext.allow=never",
            "protocol.https.allow=" + ("always" if self.kind == "https" else "never"),
            "protocol.file.allow=" + ("always" if self.kind == "local" else "never"),
            "fetch.recurseSubmodules=false",
            "submodule.recurse=false",
            "fetch.writeCommitGraph=false",
            "gc.auto=0",
            "maintenance.auto=false",
            "advice.detachedHead=false",
            f"core.bigFileThreshold={max(_BIG_FILE_BYTES, self.max_file_bytes or 0)}",
        ]
        args: list[str] = []
        for setting in settings:
            args += ["-c", setting]
        return args

    def command(self, *args: str, with_git_dir: bool = True) -> list[str]:
        base = ["git", *self.config_args()]
        if with_git_dir:
            base.append(f"--git-dir={self.git_dir}")
        return [*base, *args]

    def run(self, *args: str, with_git_dir: bool = True) -> str:
        try:
            done = subprocess.run(
                self.command(*args, with_git_dir=with_git_dir),
                env=self.env(),
                cwd=self.root,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RetryableError(
                f"git {args[0]} did not finish within {self.timeout:.0f} s: try again later"
            ) from None
        if done.returncode != 0:
            raise GitFailure(args[0], done.stderr.decode("utf-8", "replace"))
        return done.stdout.decode("utf-8", "surrogateescape")

    def popen(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.command(*args),
            env=self.env(),
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )


class GitFailure(Exception):
    """A git command failed; internal, always turned into a ShoalError before leaving."""

    def __init__(self, command: str, stderr: str) -> None:
        super().__init__(f"git {command} failed")
        self.command = command
        self.stderr = stderr

    @property
    def first_line(self) -> str:
        for line in self.stderr.splitlines():
            line = line.strip()
            if line and not line.lower().startswith(("hint:", "warning:")):
                return line
        return "(git printed no error message)"

    @property
    def transient(self) -> bool:
        text = self.stderr.lower()
        return any(marker in text for marker in _TRANSIENT_MARKERS)

    @property
    def no_such_ref(self) -> bool:
        text = self.stderr.lower()
        return any(marker in text for marker in _NO_SUCH_REF_MARKERS)
