"""Secrets planted where rules and metrics quote code never reach any output of a real scan: not the
reports, shards, scan state, results snapshot, logs, nor what GitHub receives.

One secret of each of the 26 detector kinds sits in a config file and is quoted again by a rule's
message in code (a command built at run time, whose snippet the message quotes up to 79
characters, so long values arrive cut); values only a config file shows to be secret are quoted
in code of another partition, in SQL and as a function name that a metrics finding names.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path


from shoal.secrets import SECRET_RULES
from shoal.secrets.filters import redact
from tests.helpers import commit_all, init_repo
from tests.integration.github_server import FakeGitHub
from tests.unit.test_secrets import POSITIVES, Case

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "ghs_" + "R3dact1onT3stT0ken" * 2
WINDOW = 12  # no run of this many characters of a planted value may appear anywhere
# Only a config file shows these to be secrets (a secret-looking name, a connection URL); code
# elsewhere quotes them bare, where no detector could tell.
CONFIG_ONLY = {
    "generic": ("config/only/app.env", "DB_PASSWORD=h7Gk2pQ9wZ4xT3\n", "h7Gk2pQ9wZ4xT3"),
    "url": ("config/only/db.env", "DATABASE_URL=postgres://app:Qm4Vt9Lx2Rb7Ns@db.internal/app\n", "Qm4Vt9Lx2Rb7Ns"),
}


def one_case_per_rule() -> list[Case]:
    first: dict[str, Case] = {}
    for case in POSITIVES:
        first.setdefault(case.rule, case)
    return list(first.values())


CASES = one_case_per_rule()


def js_string(value: str) -> str:
    """The value inside a JavaScript string literal (newlines as \\n escapes)."""
    return json.dumps(value)[1:-1]


def ballast(comment: str) -> str:
    """Comment lines enough that the planner gives the file a partition of its own: it packs the
    largest files first, each into the least loaded partition, so two files larger than all the
    config files' share of the other six partitions keep theirs alone, however many detectors
    (and so config files) there are."""
    return f"{comment} the planner weighs files by size: this file keeps a partition of its own\n" * 6000


def build_repository(root: Path) -> tuple[Path, list[str]]:
    """The repository and the raw values planted in it."""
    repo = root / "repo"
    planted = [case.secret for case in CASES] + [value for _, _, value in CONFIG_ONLY.values()]
    for index, case in enumerate(CASES):
        target = repo / "config" / f"c{index:02d}" / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(case.text.format(s=case.secret))
    for path, text, _ in CONFIG_ONLY.values():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text)
    # Every kind quoted by a rule's message in the same file: values over 48 characters arrive cut.
    quotes = ['const cp = require("child_process");\n']
    for index, case in enumerate(CASES):
        quotes.append(f"function q{index}(x) {{\n  cp.exec(\"curl -H 'Authorization: token "
                      f"{js_string(case.secret)}' \" + x);\n}}\n")
    (repo / "src").mkdir()
    (repo / "src" / "quotes.js").write_text("".join(quotes))
    # The config-only values quoted in code of another partition: SQL, a cut snippet, a name.
    generic, url = CONFIG_ONLY["generic"][2], CONFIG_ONLY["url"][2]
    padding = "x" * 45  # the value starts at the 71st character: 9 of its 14 show before the cut
    (repo / "src" / "cross.js").write_text(
        ballast("//") + "async function find(pool, x) {\n"
        f"  await pool.query(\"SELECT * FROM t WHERE key='{generic}' AND id=\" + x);\n"
        f"  await pool.query(\"SELECT * FROM u WHERE pw='{url}' OR id=\" + x);\n"
        f"  await pool.query(\"SELECT * FROM {padding} WHERE k='{generic}' AND id=\" + x);\n"
        "}\n"
    )
    params = ", ".join(f"p{i}" for i in range(9))
    # Ahead of the code: tree-sitter-python 0.25 takes seconds over a long run of comments after
    # an indented block (quadratic; 1,500 lines 3.5 s), where the agent's parse budget skips the file.
    (repo / "src" / "names.py").write_text(ballast("#") + f"def {generic}({params}):\n    return p0\n")
    init_repo(repo)
    return repo, planted


def _format_prefixes() -> dict[str, str]:
    """Per planted value, the constant its format starts with (`bedrock-api-key-...`,
    `secret-token:`): what every sample of its detector shares. It is no secret, and a detector's
    id may spell it (`aws-bedrock-api-key`, `mapbox-secret-token`)."""
    from tests.unit.test_secret_detectors import SPECS, generate

    by_rule: dict[str, list[str]] = {}
    for case in POSITIVES:
        by_rule.setdefault(case.rule, []).append(case.secret)
    for spec in SPECS:  # a data-file detector's case is one generated value: a second shows the constant
        by_rule.setdefault(f"secrets/{spec['id']}", []).append(generate(spec, 1))
    return {value: _shared_start(values) if len(values) > 1 else ""
            for values in by_rule.values() for value in values}


def _shared_start(values: list[str]) -> str:
    """The characters every value starts with."""
    first, last = min(values), max(values)
    size = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), min(len(first), len(last)))
    return first[:size]


FORMAT_PREFIXES = _format_prefixes()


def leaks(text: str, planted: list[str]) -> list[str]:
    """Which planted values show a run of WINDOW characters in `text` (for a private key: of its
    body) that holds at least one character past the constant its format starts with."""
    found = []
    for value in planted:
        body = "".join(line for line in value.splitlines() if "PRIVATE KEY" not in line)
        size = min(WINDOW, len(body))
        public = len(FORMAT_PREFIXES.get(value, "")) if body == value else 0
        first = max(0, public - size + 1)
        if any(body[i:i + size] in text for i in range(first, len(body) - size + 1)):
            found.append(value[:12] + "...")
    return found


def written_files(workspace: Path) -> dict[str, str]:
    """Every file the scans wrote, as text (a gzip snapshot inflated), but the checked-out source
    (the loose src/ tree or the scan's source.pack) and the cached git packs: they are the
    repository itself."""
    texts = {}
    for path in sorted(workspace.rglob("*")):
        parts = path.relative_to(workspace).parts
        if not path.is_file() or parts[0:1] + parts[2:3] in (("scans", "src"), ("scans", "source.pack")):
            continue
        if parts[:2] == ("cache", "repos") and path.suffix in (".pack", ".idx", ".rev"):
            continue
        data = path.read_bytes()
        texts["/".join(parts)] = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")
    return texts


def shoal(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def received(github: FakeGitHub) -> str:
    """Everything the GitHub stand-in was sent, with each SARIF upload unpacked."""
    parts = []
    for request in github.requests:
        parts.append(json.dumps(request.body))
        if isinstance(request.body, dict) and request.body.get("sarif"):
            parts.append(gzip.decompress(base64.b64decode(request.body["sarif"])).decode())
    return "\n".join(parts)


def test_the_cases_cover_every_detector():
    assert sorted(case.rule for case in CASES) == sorted(rule.id for rule in SECRET_RULES)


def test_no_planted_secret_reaches_any_output(tmp_path: Path):
    repo, planted = build_repository(tmp_path)
    workspace = tmp_path / "ws"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "shared"), str(ROOT)]),
           "SHOAL_MIN_PARTITION_BYTES": "1", "SHOAL_GITHUB_TOKEN": TOKEN}
    with FakeGitHub(token=TOKEN) as github:
        env["SHOAL_GITHUB_API_URL"] = github.url
        publish = ["--publish", "check", "--sarif-upload", "--github-repo", "acme/widgets",
                   "--github-ref", "refs/heads/main"]
        common = ["--workspace", str(workspace), "--workers", "2", "--max-partitions", "8", "--fail-on", "none", "-v"]
        first = shoal("scan", str(repo), *common, *publish, env=env)
        assert first.returncode == 0, first.stderr[-3000:]
        # The cross-partition cases need the config-only values and their quotes apart.
        [plan] = [json.loads(path.read_text()) for path in (workspace / "scans").glob("*/plan.json")]
        partition_of = {f["path"]: p["id"] for p in plan["partitions"] for f in p["files"]}
        for code in ("src/cross.js", "src/names.py"):
            assert partition_of[code] != partition_of[CONFIG_ONLY["generic"][0]]
        outputs = {f"first scan: {name}": text for name, text in written_files(workspace).items()}
        # An incremental rescan: reused results, their secret hashes and the snapshot's key.
        (repo / "README.md").write_text("changed\n")
        commit_all(repo, "docs")
        second = shoal("scan", str(repo), *common, *publish, env=env)
        assert second.returncode == 0, second.stderr[-3000:]
        assert "files reused (unchanged)" in second.stdout
        sent = received(github)
        assert github.violations == [] and len(github.sarifs) == 2

    [report] = [json.loads(path.read_text()) for path in (workspace / "scans").glob("*/report/findings.json")]
    messages = [f["message"] for f in report["findings"]]
    # The secrets were found, and the rules did quote the code around them.
    found = {f["rule_id"] for f in report["findings"] if f["rule_id"].startswith("secrets/")}
    assert found == {rule.id for rule in SECRET_RULES}
    assert sum("Authorization: token" in m for m in messages) == len(CASES)
    assert sum("SELECT * FROM" in m for m in messages) == 3
    assert sum(m.endswith(" has 9 parameters (limit 7)") for m in messages) == 1

    outputs.update(written_files(workspace))
    for kind in ("/shards/", "/results/", "findings.json", "/state/"):
        assert any(kind in name for name in outputs), kind
    outputs["stdout and stderr (-v logs)"] = first.stdout + first.stderr + second.stdout + second.stderr
    outputs["sent to GitHub"] = sent
    leaked = {name: leaks(text, planted) for name, text in outputs.items()}
    assert {name: values for name, values in leaked.items() if values} == {}
    # Redacted as secret findings show their values, wherever they were quoted.
    generic = redact(CONFIG_ONLY["generic"][2])
    assert f"{generic} has 9 parameters (limit 7)" in messages
    assert f"SELECT * FROM t WHERE key='{generic}' AND id=" in " ".join(messages)
    # The leak check itself finds every value where it was planted.
    planted_text = "".join(p.read_text() for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts)
    assert len(leaks(planted_text, planted)) == len(planted)


def test_verification_labels_findings_and_keeps_every_value_out_of_every_output(tmp_path: Path):
    """--verify-secrets: the merge finds the values again in the checkout and asks each provider's
    stand-in; the labels reach the reports, the values reach nothing but their own provider."""
    from tests.integration.provider_server import ProviderServer
    from tests.unit.test_secret_detectors import SPECS, generate

    spec = {s["id"]: s for s in SPECS}
    live_github, dead_slack = generate(spec["github-token"], 51), generate(spec["slack-token"], 52)
    key_id = generate(spec["aws-access-key-id"], 53).replace("ASIA", "AKIA")
    aws_secret = generate(spec["aws-secret-access-key"], 53)
    generic = CONFIG_ONLY["generic"][2]
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "deploy.py").write_text(
        f'GITHUB = "{live_github}"\nSLACK = "{dead_slack}"\n'
        f'AWS_ACCESS_KEY_ID = "{key_id}"\nAWS_SECRET_ACCESS_KEY = "{aws_secret}"\n'
    )
    (repo / "app.env").write_text(f"DB_PASSWORD={generic}\n")
    init_repo(repo)
    planted = [live_github, dead_slack, key_id, aws_secret, generic]
    server = ProviderServer()
    server.live("api.github.com", live_github)
    server.aws_keys[key_id] = aws_secret
    base = server.start()
    try:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "shared"), str(ROOT)]),
               "SHOAL_TEST_VERIFY_BASE": base}
        workspace = tmp_path / "ws"
        common = ["--workspace", str(workspace), "--fail-on", "none", "-v"]
        plain = shoal("scan", str(repo), *common, env=env)
        assert plain.returncode == 0, plain.stderr[-3000:]
        assert server.requests == []  # off by default
        done = shoal("scan", str(repo), *common, "--verify-secrets", env=env)
        assert done.returncode == 0, done.stderr[-3000:]
    finally:
        server.stop()
    reports = sorted((workspace / "scans").glob("*/report/findings.json"))
    verified = [json.loads(p.read_text()) for p in reports if '"verification":' in p.read_text()]
    [report] = verified
    labels = {f["rule_id"]: f["properties"]["verification"] for f in report["findings"]
              if f["rule_id"].startswith("secrets/")}
    assert labels == {"secrets/github-token": "verified", "secrets/slack-token": "unverified",
                      "secrets/aws-access-key-id": "verified", "secrets/aws-secret-access-key": "verified",
                      "secrets/generic-secret": "unknown"}
    assert "live: GitHub GET /user answered HTTP 200" in done.stdout  # the terminal says it too
    assert server.sent_to(live_github) == {"api.github.com"} and server.sent_to(dead_slack) == {"slack.com"}
    # The key id names the signing key; the secret key and the generic password travel nowhere.
    assert server.sent_to(key_id) == {"sts.amazonaws.com"}
    assert server.sent_to(aws_secret) == set() and server.sent_to(generic) == set()
    outputs = written_files(workspace)
    outputs["stdout and stderr"] = plain.stdout + plain.stderr + done.stdout + done.stderr
    leaked = {name: leaks(text, planted) for name, text in outputs.items()}
    assert {name: values for name, values in leaked.items() if values} == {}
