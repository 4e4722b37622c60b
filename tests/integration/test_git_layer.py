"""The GitLayer that `sam build` makes (functions/gitlayer/): git for the orchestrator on the Lambda
python3.13 runtime, which has none. Amazon Linux 2023 has glibc 2.34, so no file in the layer may
need a newer GLIBC_ symbol, glibc itself must not be shipped, and every other library must be.
The layer's git then really runs the checkout: init, fetch (file:// and https), cat-file --batch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from shoal.source.checkout import checkout

from shoal.source.specs import parse_repository
from tests.unit.test_source import _needs_tls_backend, https_repo  # noqa: F401 (a fixture)

LAMBDA_GLIBC = (2, 34)
HOST_GIT = shutil.which("git") or "git"  # makes the test repositories (before PATH is the layer's only)
# glibc's own libraries and the loader: the runtime's are used and must be.
GLIBC = re.compile(
    r"^(libc|libm|libpthread|libdl|libresolv|librt|libutil|libanl|libnss_\w+|libmvec|ld-linux-x86-64)\.so"
)

pytestmark = pytest.mark.skipif(not shutil.which("objdump"), reason="needs objdump (binutils)")


@pytest.fixture(scope="module")
def layer(sam_build: Path) -> Path:
    template = yaml.load(sam_build.read_text(), Loader=yaml.BaseLoader)
    return sam_build.parent / template["Resources"]["GitLayer"]["Properties"]["ContentUri"]


def _elf_files(layer: Path) -> list[Path]:
    return [p for p in sorted(layer.rglob("*")) if p.is_file() and p.read_bytes()[:4] == b"\x7fELF"]


def _objdump(*args: str) -> str:
    return subprocess.run(["objdump", *args], capture_output=True, text=True, check=True, timeout=60).stdout


def _layer_env(layer: Path, **extra: str) -> dict[str, str]:
    """What Lambda gives a process, reduced to the layer: its bin on PATH, nothing of this machine's."""
    return {"PATH": f"{layer}/bin", "HOME": "/nonexistent", "LC_ALL": "C", **extra}


def test_the_layer_holds_git_and_its_fetch_helpers(layer: Path) -> None:
    for name in ("bin/git", "libexec/git-core/git", "libexec/git-core/git-remote-https",
                 "libexec/git-core/git-upload-pack"):
        assert os.access(layer / name, os.X_OK), f"{name} is missing or not executable"
    assert {p.name for p in _elf_files(layer)} >= {"git", "git-remote-https", "libcurl-gnutls.so.4"}


def test_no_elf_file_needs_a_newer_glibc_than_the_lambda_runtime(layer: Path) -> None:
    too_new = {}
    for elf in _elf_files(layer):
        versions = {tuple(map(int, v.split("."))) for v in re.findall(r"\bGLIBC_([0-9.]+)\b", _objdump("-T", str(elf)))}
        if versions and max(versions) > LAMBDA_GLIBC:
            too_new[elf.name] = ".".join(map(str, max(versions)))
    assert not too_new, f"need a newer glibc than 2.34: {too_new}"


def test_glibc_is_not_shipped_and_every_other_needed_library_is(layer: Path) -> None:
    elves = _elf_files(layer)
    shipped = {p.name for p in (layer / "lib" / "git").iterdir()}
    assert not {name for name in shipped if GLIBC.match(name)}
    assert len(shipped) >= 10  # curl, gnutls and friends: the check below would be vacuous without them
    unresolved = {}
    for elf in elves:
        needed = re.findall(r"^\s*NEEDED\s+(\S+)$", _objdump("-p", str(elf)), re.MULTILINE)
        missing = [n for n in needed if not GLIBC.match(n) and n not in shipped]
        if missing:
            unresolved[elf.name] = missing
    assert not unresolved, f"needed but neither glibc nor in the layer's lib/git: {unresolved}"


def test_the_loader_takes_every_library_from_the_layer(layer: Path) -> None:
    """Not the machine's copies: with the wrapper's LD_LIBRARY_PATH, ldd resolves into the layer."""
    helpers = [layer / "libexec" / "git-core" / n for n in ("git", "git-remote-https")]
    out = subprocess.run(["ldd", *map(str, helpers)], capture_output=True, text=True, check=True, timeout=60,
                         env={"LD_LIBRARY_PATH": str(layer / "lib" / "git")}).stdout
    outside = [line.strip() for line in out.splitlines()
               if "=>" in line and not GLIBC.match(line.split()[0]) and str(layer) not in line]
    assert not outside, outside


def test_layer_git_inits_fetches_over_file_and_streams_blobs(layer: Path, tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    subprocess.run(["git", "init", "-q", "-b", "main", str(origin)], check=True)
    (origin / "a.py").write_text("a = 1\n")
    subprocess.run(["git", "-C", str(origin), "add", "a.py"], check=True)
    subprocess.run(["git", "-C", str(origin), "-c", "user.name=t", "-c", "user.email=t@example.com",
                    "commit", "-q", "-m", "one"], check=True)
    blob = subprocess.run(["git", "-C", str(origin), "rev-parse", "HEAD:a.py"], capture_output=True,
                          text=True, check=True).stdout.strip()

    def git(*args: str, stdin: bytes | None = None) -> bytes:
        env = _layer_env(layer, LD_LIBRARY_PATH=str(layer / "lib" / "git"),
                         GIT_EXEC_PATH=str(layer / "libexec" / "git-core"))
        done = subprocess.run(["git", "-c", "protocol.file.allow=always", *args], input=stdin, env=env,
                              cwd=tmp_path, capture_output=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout

    git("init", "-q", "--bare", "repo.git")
    git("--git-dir=repo.git", "fetch", "-q", "--depth=1", f"file://{origin}", "main")
    out = git("--git-dir=repo.git", "cat-file", "--batch", stdin=f"{blob}\n".encode())
    assert out == f"{blob} blob 6\na = 1\n\n".encode()


def test_layer_remote_https_starts(layer: Path) -> None:
    """The curl helper loads (gnutls, krb5, ldap...: a missing library would be a loader error)."""
    done = subprocess.run([str(layer / "libexec" / "git-core" / "git-remote-https")], env=_layer_env(layer),
                          capture_output=True, text=True, timeout=30, check=False)
    assert "usage: git remote-curl" in done.stderr, done.stderr
    assert "error while loading shared libraries" not in done.stderr


@pytest.fixture
def only_layer_git(layer: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The environment the template gives the orchestrator, with the layer where /opt would be."""
    monkeypatch.setenv("PATH", f"{layer}/bin")
    monkeypatch.setenv("GIT_EXEC_PATH", str(layer / "libexec" / "git-core"))
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    yield


def test_checkout_runs_on_the_layer_git_from_a_local_repository(only_layer_git: None, tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    subprocess.run([HOST_GIT, "init", "-q", "-b", "main", str(origin)], check=True)
    (origin / "m.py").write_text("print('hi')\n")
    subprocess.run([HOST_GIT, "-C", str(origin), "add", "m.py"], check=True)
    subprocess.run([HOST_GIT, "-C", str(origin), "-c", "user.name=t", "-c", "user.email=t@example.com",
                    "commit", "-q", "-m", "one"], check=True)
    result = checkout(parse_repository(str(origin)), "main", tmp_path / "dest", tmp_path / "scratch")
    assert (tmp_path / "dest" / "m.py").read_text() == "print('hi')\n"
    assert result.kind == "local"


@_needs_tls_backend
def test_checkout_runs_on_the_layer_git_over_https(
    https_repo: tuple[str, str], only_layer_git: None, tmp_path: Path  # noqa: F811
) -> None:
    host, commit = https_repo
    spec = parse_repository(f"https://{host}/repo.git", allowed_hosts=(host,))
    result = checkout(spec, "main", tmp_path / "dest", tmp_path / "scratch")
    assert result.commit == commit and result.kind == "https"
    assert (tmp_path / "dest" / "a.py").read_text() == "a = 1\n"


# --- built from Debian 12's packages, not this machine's git; x86_64 and arm64 ----------------------

BUILD = Path(__file__).resolve().parents[2] / "functions" / "gitlayer" / "build.sh"


def _build(out: Path, arch: str) -> subprocess.CompletedProcess[str]:
    # The default cache (~/.cache/shoal/gitlayer, keyed by build.sh's hash): a second build copies.
    return subprocess.run(["bash", str(BUILD), str(out), arch], capture_output=True, text=True, timeout=900,
                          check=False)


def test_the_layer_comes_from_debian_12_packages_and_says_which(layer: Path) -> None:
    packages = dict(line.split(" ", 1) for line in (layer / "share" / "git-layer" / "packages.txt").read_text().splitlines())
    assert packages["git"].endswith(" amd64") and "deb12" in packages["git"]
    version = packages["git"].split()[0].split(":")[-1].split("-")[0]  # 1:2.39.5-0+deb12u3 -> 2.39.5
    shown = subprocess.run([str(layer / "bin" / "git"), "--version"], env=_layer_env(layer), capture_output=True,
                           text=True, check=True, timeout=30).stdout
    assert shown.strip() == f"git version {version}"


def test_an_arm64_layer_builds_with_the_same_libraries_and_the_same_glibc_limit(layer: Path, tmp_path: Path) -> None:
    done = _build(tmp_path / "arm64", "arm64")
    assert done.returncode == 0, done.stderr
    arm = tmp_path / "arm64"
    elves = _elf_files(arm)
    machines = {subprocess.run(["readelf", "-h", str(e)], capture_output=True, text=True, check=True).stdout
                .split("Machine:")[1].split("\n")[0].strip() for e in elves}
    assert machines == {"AArch64"}
    assert {p.name for p in (arm / "lib" / "git").iterdir()} == {p.name for p in (layer / "lib" / "git").iterdir()}
    for elf in elves:
        versions = {tuple(map(int, v.split("."))) for v in re.findall(
            r"\bGLIBC_([0-9.]+)\b", subprocess.run(["readelf", "-V", "-W", str(elf)], capture_output=True,
                                                   text=True, check=True).stdout)}
        assert not versions or max(versions) <= LAMBDA_GLIBC, elf.name
    assert "git 1:" in (arm / "share" / "git-layer" / "packages.txt").read_text()


def test_an_unknown_architecture_is_a_clear_error(tmp_path: Path) -> None:
    done = _build(tmp_path / "x", "sparc")
    assert done.returncode != 0
    assert "unknown architecture 'sparc': give x86_64 or arm64" in done.stderr
    assert "Traceback" not in done.stderr
