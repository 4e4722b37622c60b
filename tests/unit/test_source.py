from __future__ import annotations

import http.server
import os
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from shoal.errors import InputError, RetryableError, ShoalError, SourceError
from shoal.source.checkout import CheckoutResult, checkout
from shoal.source.specs import RepoSpec, parse_repository, validate_ref

# --------------------------------------------------------------------------- helpers


def _commit(repo: git.Repo, files: dict[str, str], message: str) -> str:
    root = Path(repo.working_tree_dir)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        repo.index.add([rel])
    return repo.index.commit(message).hexsha


@pytest.fixture
def source_repo(tmp_path: Path) -> dict[str, object]:
    """A repo with three commits, a branch, a lightweight and an annotated tag, and a symlink."""
    repo = git.Repo.init(tmp_path / "origin", initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    first = _commit(repo, {"app.py": "v = 1\n", "lib/util.py": "u = 1\n"}, "first")
    repo.create_tag("v1")
    second = _commit(repo, {"app.py": "v = 2\n"}, "second")
    repo.create_tag("v2", message="annotated")
    repo.create_head("feature", second).checkout()
    feature = _commit(repo, {"feature.py": "f = 1\n"}, "feature")
    repo.heads.main.checkout()
    os.symlink("/etc/passwd", tmp_path / "origin" / "escape")
    repo.index.add(["escape"])
    third = repo.index.commit("third").hexsha
    return {"repo": repo, "path": tmp_path / "origin", "first": first, "second": second,
            "third": third, "feature": feature}


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _checkout(repo_path: Path, ref: str | None, tmp_path: Path) -> tuple[CheckoutResult, Path]:
    dest = tmp_path / "ws" / "src"
    result = checkout(parse_repository(str(repo_path)), ref, dest, tmp_path / "scratch")
    return result, dest


# --------------------------------------------------------------------------- parse_repository


def test_https_on_allowlisted_host_is_normalised() -> None:
    spec = parse_repository("https://GitHub.com/owner/repo.git/")
    assert spec == RepoSpec(kind="https", location="https://github.com/owner/repo.git")
    assert RepoSpec.from_dict(spec.to_dict()) == spec


def test_host_with_port_only_when_allowlisted() -> None:
    spec = parse_repository("https://git.local:8443/a/b", allowed_hosts=("git.local:8443",))
    assert spec.url == "https://git.local:8443/a/b"
    with pytest.raises(InputError, match="not allowed"):
        parse_repository("https://github.com:8443/a/b")


def test_local_directory_is_resolved(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    spec = parse_repository(str(tmp_path / "d" / ".." / "d"))
    assert spec == RepoSpec(kind="local", location=str((tmp_path / "d").resolve()))


@pytest.mark.parametrize(
    "spec",
    [
        "--upload-pack=touch /tmp/x",
        "-oProxyCommand=touch /tmp/pwned",
        "ext::sh -c touch% /tmp/pwned",
        "file::/etc",
        "file:///etc",
        "ssh://github.com/owner/repo",
        "git://github.com/owner/repo",
        "http://github.com/owner/repo",
        "git@github.com:owner/repo.git",
        "github.com:owner/repo",
        "https://evil.com/x",
        "https://github.com@evil.com/x",
        "https://user:pw@github.com/x",
        "https://github.com.evil.com/x",
        "https://github.com/",
        "https://github.com/a/../b",
        "https://github.com/a/b?x=1",
        "https://github.com/a\nb",
        "https://github.com/a b",
        "/tmp/x\n--upload-pack=y",
        "",
        " https://github.com/a/b",
        "/definitely/not/here",
    ],
)
def test_dangerous_or_unknown_specs_are_refused(spec: str) -> None:
    with pytest.raises(InputError) as info:
        parse_repository(spec)
    assert str(info.value)  # a message the user can act on


def test_a_url_with_credentials_is_refused_without_repeating_them() -> None:
    # The error goes to terminals and CI logs: a token pasted into the URL must not follow it there.
    with pytest.raises(InputError) as info:
        parse_repository("https://x-access-token:ghp_s3cr3tT0ken@github.com/acme/widgets")
    assert "s3cr3t" not in str(info.value) and "x-access-token" not in str(info.value)
    assert "https://***@github.com/acme/widgets" in str(info.value)


def test_local_file_is_not_a_repository(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        parse_repository(str(tmp_path / "f"))


# --------------------------------------------------------------------------- validate_ref


@pytest.mark.parametrize(
    "ref",
    ["main", "feature/x-1", "v1.2.3", "refs/pull/12/head", "release_2024", "abc1234",
     "a" * 40, "0" * 64, "é-unicode"],
)
def test_valid_refs(ref: str) -> None:
    assert validate_ref(ref) == ref


@pytest.mark.parametrize(
    "ref",
    ["", "-b", "--upload-pack=touch /tmp/x", "a..b", "a@{1}", "@", "a b", "a~1", "a^", "a:b",
     "a?", "a*", "a[", "a\\b", ".hidden", "x/.y", "a.lock", "a/", "/a", "a//b", "a.", "a\nb",
     "a\x7f", "a\tb"],
)
def test_invalid_refs(ref: str) -> None:
    with pytest.raises(InputError):
        validate_ref(ref)


@pytest.mark.parametrize(
    "ref",
    ["main", "a..b", "a@{1}", "@", "a b", "a~1", "a:b", "a*", ".hidden", "x/.y", "a.lock",
     "a/", "a//b", "a.", "refs/heads/x", "a/b.lock/c", "x@y", "a\\b", "-x"],
)
def test_refname_rules_agree_with_git(ref: str) -> None:
    git_ok = subprocess.run(
        ["git", "check-ref-format", "--allow-onelevel", ref], capture_output=True
    ).returncode == 0
    try:
        validate_ref(ref)
        ours = True
    except InputError:
        ours = False
    # We are stricter than git only about a leading '-' (option injection).
    assert ours == (git_ok and not ref.startswith("-"))


# --------------------------------------------------------------------------- checkout


def test_default_is_head(source_repo: dict, tmp_path: Path) -> None:
    result, dest = _checkout(source_repo["path"], None, tmp_path)
    assert result.commit == source_repo["third"]
    assert result.kind == "local" and result.ref is None
    assert _tree(dest) == {"app.py": "v = 2\n", "lib/util.py": "u = 1\n"}
    assert (result.files, result.bytes) == (2, 12)


@pytest.mark.parametrize(
    ("ref", "commit_key", "expected"),
    [
        ("main", "third", {"app.py": "v = 2\n", "lib/util.py": "u = 1\n"}),
        ("feature", "feature", {"app.py": "v = 2\n", "lib/util.py": "u = 1\n", "feature.py": "f = 1\n"}),
        ("v1", "first", {"app.py": "v = 1\n", "lib/util.py": "u = 1\n"}),
        ("v2", "second", {"app.py": "v = 2\n", "lib/util.py": "u = 1\n"}),
    ],
)
def test_branches_and_tags(source_repo: dict, tmp_path: Path, ref: str, commit_key: str,
                           expected: dict[str, str]) -> None:
    result, dest = _checkout(source_repo["path"], ref, tmp_path)
    assert result.commit == source_repo[commit_key]  # annotated tags peel to the commit
    assert result.ref == ref
    assert _tree(dest) == expected


def test_full_and_short_commit_ids(source_repo: dict, tmp_path: Path) -> None:
    first = source_repo["first"]
    for ref in (first, first[:7], first[:12]):
        result, dest = _checkout(source_repo["path"], ref, tmp_path)
        assert result.commit == first
        assert _tree(dest) == {"app.py": "v = 1\n", "lib/util.py": "u = 1\n"}


def test_branch_fetch_is_shallow_and_stays_in_scratch(source_repo: dict, tmp_path: Path) -> None:
    dest = tmp_path / "ws" / "src"
    spec = parse_repository(str(source_repo["path"]))
    checkout(spec, "main", dest, tmp_path / "scratch", keep_git=True)
    assert (tmp_path / "scratch" / "shoal-git" / "repo.git" / "shallow").is_file()
    assert not any(p.name == ".git" or p.suffix == ".pack" for p in dest.rglob("*"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["origin", "scratch", "ws"]


def test_git_objects_are_removed_from_scratch(source_repo: dict, tmp_path: Path) -> None:
    _checkout(source_repo["path"], "main", tmp_path)
    assert list((tmp_path / "scratch").iterdir()) == []


def test_hostile_tree_paths_are_skipped(source_repo: dict, tmp_path: Path) -> None:
    repo: git.Repo = source_repo["repo"]
    origin = source_repo["path"]
    (origin / "payload").write_text("evil\n")
    blob = repo.git.hash_object("-w", str(origin / "payload"))

    def mktree(lines: str) -> str:
        return subprocess.run(["git", "-C", str(origin), "mktree"], input=lines, text=True,
                              capture_output=True, check=True).stdout.strip()
    sub = mktree(f"100644 blob {blob}\t..\n100644 blob {blob}\tok.py\n")
    top = mktree(
        f"100644 blob {blob}\t..\n100644 blob {blob}\t.GIT\n"
        f"040000 tree {sub}\tsub\n100644 blob {blob}\tgood.py\n"
    )
    commit = subprocess.run(["git", "-C", str(origin), "commit-tree", top, "-m", "evil"],
                            capture_output=True, text=True, check=True).stdout.strip()
    repo.create_head("evil", commit)

    result, dest = _checkout(origin, "evil", tmp_path)

    assert _tree(dest) == {"good.py": "evil\n", "sub/ok.py": "evil\n"}
    assert {(s.path, s.reason) for s in result.skipped} == {
        ("..", "unsafe-path"), (".GIT", "unsafe-path"), ("sub/..", "unsafe-path")
    }
    assert not (tmp_path / "ws" / "evil").exists()


def test_symlinks_are_skipped_not_followed(source_repo: dict, tmp_path: Path) -> None:
    result, dest = _checkout(source_repo["path"], "main", tmp_path)
    assert not os.path.lexists(dest / "escape")
    assert [(s.path, s.reason) for s in result.skipped] == [("escape", "symlink")]
    assert CheckoutResult.from_dict(result.to_dict()) == result


def test_rerun_clears_previous_partial_export(source_repo: dict, tmp_path: Path) -> None:
    dest = tmp_path / "ws" / "src"
    (dest / "stale" / "deep").mkdir(parents=True)
    (dest / "stale" / "deep" / "old.py").write_text("old")
    (dest / "app.py").write_text("partial")
    os.symlink("/etc", dest / "link")
    first, _ = _checkout(source_repo["path"], "v1", tmp_path)
    second, _ = _checkout(source_repo["path"], "v1", tmp_path)
    assert first == second
    assert _tree(dest) == {"app.py": "v = 1\n", "lib/util.py": "u = 1\n"}
    assert not os.path.lexists(dest / "link")


def test_uncommitted_changes_are_not_scanned(source_repo: dict, tmp_path: Path) -> None:
    (source_repo["path"] / "app.py").write_text("dirty\n")
    (source_repo["path"] / "untracked.py").write_text("x\n")
    _, dest = _checkout(source_repo["path"], None, tmp_path)
    assert _tree(dest)["app.py"] == "v = 2\n"
    assert "untracked.py" not in _tree(dest)


def test_unknown_ref_is_a_source_error(source_repo: dict, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no-such-branch"):
        _checkout(source_repo["path"], "no-such-branch", tmp_path)
    with pytest.raises(SourceError, match="deadbeef"):
        _checkout(source_repo["path"], "deadbeef", tmp_path)


def test_broken_repository_is_a_source_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".git").write_text("gitdir: /nowhere\n")
    with pytest.raises(SourceError) as info:
        _checkout(broken, None, tmp_path)
    assert "Traceback" not in str(info.value)


def test_unreachable_server_is_retryable(tmp_path: Path) -> None:
    spec = parse_repository("https://127.0.0.1:9/a/b", allowed_hosts=("127.0.0.1:9",))
    with pytest.raises(RetryableError):
        checkout(spec, "main", tmp_path / "dest", tmp_path / "scratch", timeout=60)


def test_ref_is_validated_before_git_runs(source_repo: dict, tmp_path: Path) -> None:
    marker = tmp_path / "x"
    with pytest.raises(InputError):
        _checkout(source_repo["path"], f"--upload-pack=touch {marker}", tmp_path)
    assert not marker.exists()
    assert not (tmp_path / "scratch").exists()


def test_destination_overlapping_the_repository_is_refused(tmp_path: Path) -> None:
    (tmp_path / "project" / "keep.py").parent.mkdir()
    (tmp_path / "project" / "keep.py").write_text("precious")
    spec = parse_repository(str(tmp_path / "project"))
    with pytest.raises(InputError, match="overlap"):
        checkout(spec, None, tmp_path, tmp_path / "scratch")
    with pytest.raises(InputError, match="overlap"):
        checkout(spec, None, tmp_path / "project" / "out", tmp_path / "scratch")
    assert (tmp_path / "project" / "keep.py").read_text() == "precious"


def test_workspace_inside_a_git_working_tree_is_allowed_but_not_inside_git(
    source_repo: dict, tmp_path: Path
) -> None:
    repo_path = source_repo["path"]
    spec = parse_repository(str(repo_path))
    # Exported from git objects, so `.shoal/` inside the working tree is harmless (`make scan`).
    result = checkout(spec, "main", repo_path / ".shoal" / "src", tmp_path / "scratch")
    assert result.commit == source_repo["third"]
    assert (repo_path / ".shoal" / "src" / "app.py").read_text() == "v = 2\n"
    with pytest.raises(InputError, match="overlap"):
        checkout(spec, "main", repo_path / ".git" / "shoal", tmp_path / "scratch")
    with pytest.raises(InputError, match="overlap"):
        checkout(spec, "main", repo_path.parent, tmp_path / "scratch")
    assert (repo_path / "app.py").exists()


def test_ref_on_plain_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    with pytest.raises(InputError, match="not a git repository"):
        _checkout(tmp_path / "plain", "main", tmp_path)


def test_errors_are_typed() -> None:
    for cls in (InputError, SourceError, RetryableError):
        assert issubclass(cls, ShoalError)
    assert str(SourceError("what and what to do")) == "what and what to do"


# --------------------------------------------------------------------------- untrusted content


def _hostile_environment(tmp_path: Path, marker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user config whose hooks, template and filters would all touch `marker` if git read it."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("reference-transaction", "post-checkout", "post-merge", "pre-auto-gc"):
        hook = hooks / name
        hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
        hook.chmod(0o755)
    template = tmp_path / "template"
    (template / "hooks").mkdir(parents=True)
    for hook in hooks.iterdir():
        (template / "hooks" / hook.name).write_bytes(hook.read_bytes())
        (template / "hooks" / hook.name).chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        f"[core]\n\thooksPath = {hooks}\n\tfsmonitor = touch {marker}\n"
        f"[init]\n\ttemplateDir = {template}\n"
        f"[filter \"evil\"]\n\tsmudge = sh -c 'touch {marker}; cat'\n"
        f"\tclean = sh -c 'touch {marker}; cat'\n\trequired = true\n"
        f"[diff \"evil\"]\n\ttextconv = sh -c 'touch {marker}; cat'\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    # Variables that would redirect or reconfigure git if the environment leaked through.
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", f"'core.hookspath'='{hooks}'")


def test_hooks_filters_and_user_config_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = git.Repo.init(tmp_path / "origin", initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
        cfg.set_value("filter \"evil\"", "smudge", "sh -c 'touch /tmp/never; cat'")
    commit = _commit(
        repo,
        {".gitattributes": "* filter=evil diff=evil\nhidden.py export-ignore\nsubst.py export-subst\n",
         "app.py": "x = 1\n", "hidden.py": "h = 1\n", "subst.py": "# $Format:%H$\n"},
        "with attributes",
    )
    marker = tmp_path / "marker"
    _hostile_environment(tmp_path, marker, monkeypatch)

    result, dest = _checkout(tmp_path / "origin", "main", tmp_path)

    assert not marker.exists()
    assert result.commit == commit
    tree = _tree(dest)
    assert tree["app.py"] == "x = 1\n"
    assert tree["hidden.py"] == "h = 1\n"  # export-ignore cannot hide files from the scan
    assert tree["subst.py"] == "# $Format:%H$\n"  # nor export-subst rewrite them

    # The trap is real: an ordinary clone in the same environment springs it.
    monkeypatch.delenv("GIT_DIR")
    monkeypatch.delenv("GIT_CONFIG_PARAMETERS")
    done = subprocess.run(
        ["git", "clone", "-q", str(tmp_path / "origin"), str(tmp_path / "plain-clone")],
        capture_output=True, text=True,
    )
    assert marker.exists(), done.stderr


def test_submodules_are_not_fetched(tmp_path: Path) -> None:
    inner = git.Repo.init(tmp_path / "inner", initial_branch="main")
    with inner.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    _commit(inner, {"secret.py": "s = 1\n"}, "inner")
    outer = git.Repo.init(tmp_path / "outer", initial_branch="main")
    with outer.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    _commit(outer, {"main.py": "m = 1\n"}, "outer")
    outer.git.execute(["git", "-c", "protocol.file.allow=always", "submodule", "add", "-q",
                       str(tmp_path / "inner"), "deps/inner"])
    outer.index.commit("add submodule")

    result, dest = _checkout(tmp_path / "outer", None, tmp_path)

    assert set(_tree(dest)) == {"main.py", ".gitmodules"}
    assert ("deps/inner", "submodule") in [(s.path, s.reason) for s in result.skipped]
    assert not (dest / "deps" / "inner" / "secret.py").exists()


# --------------------------------------------------------------------------- plain directories


def _plain_tree(root: Path) -> None:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "a.py").write_text("a = 1\n")
    (root / "b.js").write_text("let b\n")
    (root / "run.sh").write_text("#!/bin/sh\n")
    (root / "run.sh").chmod(0o755)
    os.symlink("/etc/passwd", root / "link")
    os.mkfifo(root / "pipe")


def test_plain_directory_read_in_place_and_stable_digest(tmp_path: Path) -> None:
    _plain_tree(tmp_path / "one")
    _plain_tree(tmp_path / "two")
    r1 = checkout(parse_repository(str(tmp_path / "one")), None, tmp_path / "d1", tmp_path / "s")
    r2 = checkout(parse_repository(str(tmp_path / "two")), None, tmp_path / "d2", tmp_path / "s")
    assert r1.commit == r2.commit and r1.commit.startswith("tree-") and len(r1.commit) == 40
    assert not (tmp_path / "d1").exists()  # nothing exported: the agents read the folder itself
    assert r1.in_place is not None and r1.in_place.root == str((tmp_path / "one").resolve())
    assert sorted(r1.in_place.digests) == ["b.js", "pkg/a.py", "run.sh"]
    assert [(s.path, s.reason) for s in r1.skipped] == [("link", "symlink"), ("pipe", "special-file")]
    assert (r1.files, r1.bytes) == (3, 22)

    (tmp_path / "two" / "pkg" / "a.py").write_text("a = 2\n")
    r3 = checkout(parse_repository(str(tmp_path / "two")), None, tmp_path / "d2", tmp_path / "s")
    assert r3.commit != r1.commit


# --------------------------------------------------------------------------- https on loopback
# A real https fetch through `git http-backend`, with a throwaway certificate.

BACKEND = Path(subprocess.run(["git", "--exec-path"], capture_output=True, text=True).stdout.strip())

_needs_tls_backend = pytest.mark.skipif(
    not shutil.which("openssl") or not (BACKEND / "git-http-backend").exists(),
    reason="needs openssl and git-http-backend",
)


class _Backend(http.server.BaseHTTPRequestHandler):
    project_root = ""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._cgi()

    def do_POST(self) -> None:
        self._cgi()

    def _cgi(self) -> None:
        path, _, query = self.path.partition("?")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {
            "PATH": os.environ["PATH"],
            "GIT_PROJECT_ROOT": self.project_root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
            "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            "REMOTE_ADDR": "127.0.0.1",
        }
        out = subprocess.run([str(BACKEND / "git-http-backend")], input=body, env=env,
                             capture_output=True).stdout
        head, _, payload = out.partition(b"\r\n\r\n")
        status = 200
        headers = []
        for line in head.decode("latin-1").split("\r\n"):
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def https_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    work = git.Repo.init(tmp_path / "work", initial_branch="main")
    with work.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    (tmp_path / "work" / "a.py").write_text("a = 1\n")
    work.index.add(["a.py"])
    commit = work.index.commit("one").hexsha
    served = tmp_path / "served"
    served.mkdir()
    git.Repo.clone_from(str(tmp_path / "work"), served / "repo.git", bare=True)

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    handler = type("Handler", (_Backend,), {"project_root": str(served)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("GIT_SSL_CAINFO", str(cert))  # the one variable checkout passes through
    try:
        yield f"127.0.0.1:{server.server_address[1]}", commit
    finally:
        server.shutdown()
        server.server_close()


@_needs_tls_backend
def test_https_clone_over_loopback(https_repo: tuple[str, str], tmp_path: Path) -> None:
    host, commit = https_repo
    spec = parse_repository(f"https://{host}/repo.git", allowed_hosts=(host,))
    for ref in ("main", None, commit, commit[:9]):
        result = checkout(spec, ref, tmp_path / "dest", tmp_path / "scratch")
        assert result.commit == commit and result.kind == "https"
        assert (tmp_path / "dest" / "a.py").read_text() == "a = 1\n"
    with pytest.raises(SourceError):
        checkout(spec, "nope", tmp_path / "dest", tmp_path / "scratch")
    missing = parse_repository(f"https://{host}/missing.git", allowed_hosts=(host,))
    with pytest.raises(SourceError):
        checkout(missing, None, tmp_path / "dest", tmp_path / "scratch")


def test_git_variables_of_the_calling_process_do_not_leak(
    source_repo: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when `shoal scan` runs from a git hook: git exports these for the hook's repository.
    # (The reason checkout builds git's environment itself rather than using GitPython's
    # Git.execute, which always starts from os.environ.)
    other = git.Repo.init(tmp_path / "other")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "other" / ".git"))
    monkeypatch.setenv("GIT_OBJECT_DIRECTORY", str(tmp_path / "other" / ".git" / "objects"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "other" / ".git" / "index"))
    before = sorted(p.name for p in (tmp_path / "other" / ".git" / "objects").iterdir())
    result, dest = _checkout(source_repo["path"], "main", tmp_path)
    assert result.commit == source_repo["third"]
    assert (dest / "app.py").read_text() == "v = 2\n"
    assert sorted(p.name for p in (tmp_path / "other" / ".git" / "objects").iterdir()) == before
    assert not other.head.is_valid()


def test_where_git_keeps_its_helpers_and_libraries_is_passed_through(
    source_repo: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Lambda, where git comes from a layer: GIT_EXEC_PATH names its helpers (here an
    # upload-pack that leaves a trace) and LD_LIBRARY_PATH where its libraries are.
    helpers, trace = tmp_path / "helpers", tmp_path / "trace"
    helpers.mkdir()
    upload_pack = helpers / "git-upload-pack"
    upload_pack.write_text(f'#!/bin/sh\necho "$LD_LIBRARY_PATH" > {trace}\nexec git upload-pack "$@"\n')
    upload_pack.chmod(0o755)
    monkeypatch.setenv("GIT_EXEC_PATH", str(helpers))
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path / "libs"))
    result, dest = _checkout(source_repo["path"], "main", tmp_path)
    assert result.commit == source_repo["third"]
    assert trace.read_text().strip() == str(tmp_path / "libs")
