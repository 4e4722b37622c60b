"""Secret values found again, by keyed hash, in the texts a scan reports: the Redactor, the agent's
shard and the merge across partitions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import git

from shoal.scan.agent import AgentTask, read_shard_with_secrets, run_agent
from shoal.config import Settings
from shoal.models import FileMetrics, Finding, FunctionMetrics, LineCounts, Location, Severity
from shoal.scan.pipeline import ScanRequest, checkout_stage, merge_stage, plan_stage, seal_stage
from shoal.secrets.filters import redact
from shoal.stages import PartitionFailure
from shoal.secrets.redaction import FileSecrets, Redactor, redact_results

KEY = "5e" * 32
OTHER_KEY = "a7" * 32
VALUE = "Qm4Vt9Lx2Rb7NsW8"  # 16 characters: redact shows "Qm4V…W8"
SHORT = "h7Gk2pQ9wZ"  # 10 characters: redact shows "h7…Z"


def redactor(*values: str, key: str = KEY) -> Redactor:
    """A Redactor as the merge builds it: from hashes that went through a shard's JSON."""
    hashing = Redactor(key)
    merged = Redactor(key)
    for value in values:
        merged.add(FileSecrets.from_dict(json.loads(json.dumps(hashing.hash_value(value).to_dict()))))
    return merged


def test_a_value_is_redacted_wherever_it_stands_as_a_token():
    r = redactor(VALUE, SHORT)
    assert r.redact(f"key='{VALUE}' AND id=") == f"key='{redact(VALUE)}' AND id="
    assert r.redact(f"postgres://app:{VALUE}@db/x {SHORT}") == f"postgres://app:{redact(VALUE)}@db/x {redact(SHORT)}"
    assert r.redact(VALUE) == redact(VALUE) and r.redact(f"def {SHORT}(a)") == f"def {redact(SHORT)}(a)"
    assert r.redact(f"\"-----\\n{VALUE}\\n\"") == f"\"-----\\n{redact(VALUE)}\\n\""  # after an escape


def test_text_without_a_value_is_returned_unchanged():
    r = redactor(VALUE)
    for text in ("", "nothing here", VALUE[:-1], VALUE[1:], f"x{VALUE[:4]}y{VALUE[-2:]}", "Qm4V" + "z" * 10 + "W8"):
        assert r.redact(text) is text
    assert redactor().redact(f"'{VALUE}'") == f"'{VALUE}'"  # a scan without secrets


def test_a_value_glued_inside_a_longer_word_is_redacted_too_but_a_short_one_only_as_a_token():
    assert redactor(VALUE).redact(f"abc{VALUE}def") == f"abc{redact(VALUE)}def"
    assert redactor("x7Q").redact("ax7Qb :x7Q@") == f"ax7Qb :{redact('x7Q')}@"


def test_a_value_cut_by_a_snippet_end_is_redacted_from_its_start():
    r = redactor(VALUE)
    cut = f"query(): \"SELECT * FROM t WHERE k='{VALUE[:9]}…"
    assert r.redact(cut) == f"query(): \"SELECT * FROM t WHERE k='{redact(VALUE[:9])}…"
    # No more than redact shows is no prefix to hide; a secret finding's own message stays as it is.
    assert r.redact(f"k='{VALUE[:4]}…") == f"k='{VALUE[:4]}…"
    message = f"Hard-coded secret assigned to DB_PASSWORD: {redact(VALUE)}"
    assert r.redact(message) == message


def test_hashes_are_keyed_and_never_the_value():
    hashed = Redactor(KEY).hash_value(VALUE).to_dict()
    text = json.dumps(hashed)
    assert VALUE not in text and hashlib.sha256(VALUE.encode()).hexdigest()[:16] not in text
    assert not any(VALUE[i:i + 8] in text for i in range(len(VALUE) - 7))
    assert hashed == Redactor(KEY).hash_value(VALUE).to_dict()  # the same key, the same hashes
    other = Redactor(OTHER_KEY)
    other.add(FileSecrets.from_dict(hashed))
    assert other.redact(f"'{VALUE}'") == f"'{VALUE}'"  # useless without the scan's key


def finding(message: str, **properties: object) -> Finding:
    return Finding("r/x", Severity.ERROR, "high", message, Location("a.py", 1, 1, 1, 2), "f" * 32,
                   properties=tuple(sorted(properties.items())))


def test_results_are_rebuilt_only_where_a_value_was():
    r = redactor(VALUE)
    clean = FileMetrics("b.py", "python", 1, LineCounts(1, 0, 0), (FunctionMetrics("run", 1, 1, 1, 1, 1, 0, 0),))
    named = FileMetrics("a.py", "python", 1, LineCounts(1, 0, 0), (FunctionMetrics(VALUE, 1, 1, 1, 1, 1, 0, 0),))
    plain = finding("nothing")
    done = redact_results(r, [clean, named], [plain, finding(f"{VALUE} has 9 parameters", value=9, name=VALUE)],
                          [f"a.py: {VALUE}"])
    assert done.changed and done.files[0] is clean and done.findings[0] is plain
    assert done.files[1].functions[0].name == redact(VALUE)
    assert done.findings[1].message == f"{redact(VALUE)} has 9 parameters"
    assert dict(done.findings[1].properties) == {"value": 9, "name": redact(VALUE)}
    assert done.diagnostics == [f"a.py: {redact(VALUE)}"]
    assert not redact_results(r, [clean], [plain], ["ok"]).changed


# --- through the agent and the merge ---------------------------------------------------------

def make_repo(root: Path, files: dict[str, str]) -> Path:
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    repo.index.add(list(files))
    repo.index.commit("c1")
    return root


TOKEN = "ghp_" + "R8kP3mX7qL2vN9tB4wZ6yH1cJ5dF0g2pBpYj"
QUOTES = (
    'const cp = require("child_process");\n'
    f"function run(x) {{\n  cp.exec(\"curl -H 'Authorization: token {TOKEN}' \" + x);\n}}\n"
    f"async function find(pool, x) {{\n  await pool.query(\"SELECT * FROM t WHERE key='{VALUE}' AND id=\" + x);\n}}\n"
)


def scan(repo: Path, workspace: Path, scan_id: str = "s") -> tuple[dict, list[dict], dict]:
    config = Settings(workspace=str(workspace), min_partition_bytes=1)
    checkout = checkout_stage(ScanRequest.from_event({"scan_id": scan_id, "repository": str(repo)}), config)
    plan = plan_stage(scan_id, config)
    shards = [run_agent(AgentTask(scan_id, plan.plan, plan.sha256, p, config.thresholds), workspace)
              for p in plan.partitions]
    summary = merge_stage(checkout, plan, shards, config).to_dict()
    return summary, [s.to_dict() for s in shards], json.loads((workspace / summary["reports"]["json"]).read_bytes())


def test_an_agent_redacts_what_its_partition_knows_and_records_only_keyed_hashes(tmp_path: Path):
    repo = make_repo(tmp_path / "repo", {"src/quotes.js": QUOTES, "src/.env": f"DB_PASSWORD={VALUE}\n"})
    (tmp_path / "ws").mkdir()
    config = Settings(workspace=str(tmp_path / "ws"))  # one partition
    checkout_stage(ScanRequest.from_event({"scan_id": "s", "repository": str(repo)}), config)
    plan = plan_stage("s", config)
    [partition] = plan.partitions
    shard = run_agent(AgentTask("s", plan.plan, plan.sha256, partition, config.thresholds), tmp_path / "ws")
    raw = (tmp_path / "ws" / shard.shard).read_text()
    assert TOKEN not in raw and VALUE not in raw
    _, findings, _, secrets = read_shard_with_secrets(raw.encode())
    messages = [f.message for f in findings]
    assert f"exec() runs a command line built at run time through a shell: \"curl -H 'Authorization: token {redact(TOKEN)}' \" + x" in messages
    assert any(f"key='{redact(VALUE)}'" in m for m in messages)
    assert set(secrets) == {"src/quotes.js", "src/.env"}
    assert len(json.loads((tmp_path / "ws" / plan.plan).read_text())["redaction_key"]) == 64


def test_the_merge_redacts_a_value_another_partition_found_and_seals_the_shard(tmp_path: Path):
    repo = make_repo(tmp_path / "repo", {"a/settings.env": f"DB_PASSWORD={VALUE}\n", "b/quotes.js": QUOTES})
    workspace = tmp_path / "ws"
    summary, shards, report = scan(repo, workspace)
    assert len(shards) == 2
    quoting = next(s for s in shards if "quotes" in json.dumps(read_shard_with_secrets(
        (workspace / s["shard"]).read_bytes())[3]))
    assert VALUE in (workspace / quoting["shard"]).read_text()  # the agent could not know
    assert summary["redacted_shards"] == [quoting["partition"]]
    messages = [f["message"] for f in report["findings"]]
    assert any(f"key='{redact(VALUE)}' AND id=" in m for m in messages)
    assert not any(VALUE in path.read_text() for path in (workspace / "scans" / "s" / "report").iterdir())
    assert seal_stage("s", summary["redacted_shards"], Settings(workspace=str(workspace))) == {
        "removed": [quoting["partition"]]}
    assert not (workspace / quoting["shard"]).exists()
    assert len(list((workspace / "scans" / "s" / "shards").iterdir())) == 1


def test_a_suppressed_secret_is_not_redacted_elsewhere(tmp_path: Path):
    env = f"DB_PASSWORD={VALUE}  # shoal: ignore[secrets/generic-secret]\n"
    repo = make_repo(tmp_path / "repo", {"a/settings.env": env, "b/quotes.js": QUOTES})
    summary, _, report = scan(repo, tmp_path / "ws")
    assert "redacted_shards" not in summary
    assert any(f"key='{VALUE}' AND id=" in f["message"] for f in report["findings"])


def test_an_incremental_scan_keeps_the_key_and_redacts_with_the_hashes_of_reused_files(tmp_path: Path):
    repo = make_repo(tmp_path / "repo", {"a/settings.env": f"DB_PASSWORD={VALUE}\n", "b/other.js": "f();\n"})
    workspace = tmp_path / "ws"
    first, _, _ = scan(repo, workspace, "s1")
    assert first["results_stored"]
    (repo / "b" / "other.js").write_text(QUOTES)
    git.Repo(repo).index.add(["b/other.js"])
    git.Repo(repo).index.commit("c2")
    second, shards, report = scan(repo, workspace, "s2")
    assert second["reused"] == 0 and len(shards) == 1  # only b/other.js analysed; the .env reused
    keys = {json.loads((workspace / "scans" / s / "plan.json").read_text())["redaction_key"] for s in ("s1", "s2")}
    assert len(keys) == 1
    messages = [f["message"] for f in report["findings"]]
    assert any(f"key='{redact(VALUE)}' AND id=" in m for m in messages)
    assert not any(VALUE in m for m in messages)


def test_a_failed_agents_error_is_redacted_in_the_reports(tmp_path: Path):
    repo = make_repo(tmp_path / "repo", {"a/settings.env": f"DB_PASSWORD={VALUE}\n", "b/quotes.js": QUOTES})
    workspace = tmp_path / "ws"
    config = Settings(workspace=str(workspace), min_partition_bytes=1)
    checkout = checkout_stage(ScanRequest.from_event({"scan_id": "s", "repository": str(repo)}), config)
    plan = plan_stage("s", config)
    shards = [run_agent(AgentTask("s", plan.plan, plan.sha256, p, config.thresholds), workspace)
              for p in plan.partitions]
    found = next(s for s in shards if "a/settings.env" in json.dumps(read_shard_with_secrets(
        (workspace / s.shard).read_bytes())[3]))
    lost = next(s for s in shards if s is not found)
    failed = [PartitionFailure(lost.partition, f"ValueError: cannot parse key='{VALUE}'")]
    summary = merge_stage(checkout, plan, [found], config, failed)
    report = json.loads((workspace / summary.reports["json"]).read_bytes())
    assert any(f"key='{redact(VALUE)}'" in line for line in report["diagnostics"])
    assert VALUE not in json.dumps(report)


def test_many_values_sharing_heads_are_each_found():
    import random
    import string

    rng = random.Random(7)
    alphabet = "abAB01"  # few characters: heads share their first ones, as a trie must handle
    values = sorted({"".join(rng.choice(alphabet) for _ in range(rng.choice((7, 12, 20)))) for _ in range(300)})
    r = redactor(*values)
    for value in values:
        text = f"x = '{value}';"
        assert r.redact(text) == f"x = '{redact(value)}';", value
    noise = "".join(rng.choice(string.ascii_letters) for _ in range(2000))
    assert r.redact(noise) == noise
