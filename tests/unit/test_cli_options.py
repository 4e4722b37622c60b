"""`shoal scan`'s report outputs and scan-selection flags, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import HOUSE_RULE, commit_all, init_repo

VULNERABLE = ('import hashlib, os\n\nfrom flask import request\n\n\ndef run():\n    cmd = request.args["cmd"]\n'
              '    os.system("ls " + cmd)\n    return hashlib.md5(cmd.encode()).hexdigest()\n')
# CCN 5: over --max-ccn 4, under the default 15.
BRANCHY = "def pick(a):\n" + "".join(f"    if a == {i}:\n        return {i}\n" for i in range(4)) + "    return a\n"


def shoal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    (root / "api").mkdir(parents=True)
    (root / "tools").mkdir()
    (root / "api" / "app.py").write_text(VULNERABLE)
    (root / "tools" / "task.py").write_text(VULNERABLE)
    (root / "branchy.py").write_text(BRANCHY)
    init_repo(root, "c1")
    return root


def scan(repo: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return shoal("scan", str(repo), "--workspace", str(tmp_path / "ws"), "--workers", "1", "-q", *args,
                 cwd=tmp_path, env=env)


def findings_of(done: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(done.stdout)["findings"]


def test_outputs_by_extension_and_by_flag_in_one_run(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = scan(repo, tmp_path, "-o", str(out / "report.xml"), "--sarif-output", str(out / "s.sarif"),
                "--json-output", str(out / "f.json"), "--md-output", str(out / "s.md"), "--html-output",
                str(out / "r.html"), "--gitlab-sast-output", str(out / "gl-sast-report.json"),
                "--codeclimate-output", str(out / "gl-code-quality-report.json"))
    assert done.returncode == 1, done.stderr  # findings at error
    assert "command-injection/python-os-system" in done.stdout  # the terminal still lists them
    junit = ElementTree.parse(out / "report.xml").getroot()
    assert junit.tag == "testsuites" and int(junit.get("failures", "0")) >= 4
    assert json.loads((out / "s.sarif").read_text())["version"] == "2.1.0"
    findings = json.loads((out / "f.json").read_text())["findings"]
    assert (out / "s.md").read_text().startswith("# Shoal report")
    assert (out / "r.html").read_text().startswith("<!DOCTYPE html>")
    gitlab = json.loads((out / "gl-sast-report.json").read_text())
    assert gitlab["scan"]["type"] == "sast" and len(gitlab["vulnerabilities"]) == len(findings)
    quality = json.loads((out / "gl-code-quality-report.json").read_text())
    assert {i["location"]["path"] for i in quality} == {"api/app.py", "tools/task.py"}


def test_outputs_write_through_devices_pipes_and_links_without_replacing_them(repo: Path, tmp_path: Path) -> None:
    # -o /dev/null as root must not replace the device with a regular file; a FIFO (>(jq .))
    # gets the report; a symbolic link keeps pointing at the file it names, which gets the report.
    fifo = tmp_path / "reports.fifo"
    os.mkfifo(fifo)
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    received = tmp_path / "received.json"
    with received.open("wb") as sink:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        try:
            done = scan(repo, tmp_path, "--json-output", str(fifo), "--sarif-output", str(link))
            reader.wait(timeout=30)  # ends once the scan has written the pipe and closed it
        finally:
            reader.kill()
    assert done.returncode == 1, done.stderr
    assert fifo.is_fifo() and json.loads(received.read_text())["findings"]
    assert link.is_symlink() and json.loads(real.read_text())["version"] == "2.1.0"
    null = tmp_path / "null"
    os.mknod(null, 0o666 | 0o020000, os.makedev(1, 3)) if os.geteuid() == 0 else null.symlink_to("/dev/null")
    done = scan(repo, tmp_path, "--format", "json", "-o", str(null))
    assert done.returncode == 1, done.stderr
    assert not null.resolve().is_file() and null.read_bytes() == b""  # still the null device


def test_format_names_the_output_files_format_and_bad_outputs_are_refused(repo: Path, tmp_path: Path) -> None:
    done = scan(repo, tmp_path, "--format", "codeclimate", "-o", str(tmp_path / "quality.txt"))
    assert done.returncode == 1, done.stderr
    assert json.loads((tmp_path / "quality.txt").read_text())[0]["type"] == "issue"
    assert "findings:" not in done.stdout  # -q, and the report went to the file, not stdout
    done = scan(repo, tmp_path, "-o", str(tmp_path / "report.txt"))
    assert done.returncode == 2 and "cannot tell the format from .txt" in done.stderr and ".xml (junit)" in done.stderr
    done = scan(repo, tmp_path, "-o", str(tmp_path / "a.json"), "--json-output", str(tmp_path / "a.json"))
    assert done.returncode == 2 and "asked for twice" in done.stderr
    done = scan(repo, tmp_path, "--junit-output", str(tmp_path / "missing" / "j.xml"))
    assert done.returncode == 2 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_include_and_exclude_add_to_shoal_toml_and_get_their_own_scan(repo: Path, tmp_path: Path) -> None:
    everything = scan(repo, tmp_path, "--format", "json")
    assert {f["location"]["path"] for f in findings_of(everything)} == {"api/app.py", "tools/task.py"}
    (repo / ".shoal.toml").write_text('[scan]\nexclude = ["branchy.py"]\n')
    commit_all(repo, "config")
    excluded = scan(repo, tmp_path, "--format", "json", "--exclude", "tools/")
    report = json.loads(excluded.stdout)
    assert {f["location"]["path"] for f in report["findings"]} == {"api/app.py"}
    assert {(e["path"], e["reason"]) for e in report["exclusions"]} >= {("tools", "user-exclude"),
                                                                          ("branchy.py", "user-exclude")}
    assert report["scan"]["id"] != json.loads(everything.stdout)["scan"]["id"]
    included = scan(repo, tmp_path, "--format", "json", "--include", "tools/**", "--include", "branchy.py")
    assert {f["location"]["path"] for f in findings_of(included)} == {"tools/task.py"}
    assert {f["path"] for f in json.loads(included.stdout)["files"]} == {"tools/task.py"}  # branchy.py: .shoal.toml


def test_exclude_rule_drops_a_rule_and_refuses_unknown_ids(repo: Path, tmp_path: Path) -> None:
    done = scan(repo, tmp_path, "--format", "json", "--exclude-rule", "crypto/python-weak-hash")
    assert {f["rule_id"] for f in findings_of(done)} == {"command-injection/python-os-system"}
    done = scan(repo, tmp_path, "--exclude-rule", "crypto/python-weak-hsh")
    assert done.returncode == 2
    assert "crypto/python-weak-hsh (did you mean crypto/python-weak-hash?)" in done.stderr
    assert "Traceback" not in done.stderr


def test_severity_reports_only_findings_at_or_above_it(repo: Path, tmp_path: Path) -> None:
    done = scan(repo, tmp_path, "--format", "json", "--severity", "error")
    assert {f["severity"] for f in findings_of(done)} == {"error"}
    report = json.loads(done.stdout)
    assert report["summary"]["findings_by_severity"]["warning"] == 0
    # Below the threshold nothing is left to fail on: --fail-on warning then passes.
    done = scan(repo, tmp_path, "--exclude-rule", "command-injection/python-os-system", "--severity", "error",
                "--fail-on", "warning")
    assert done.returncode == 0, done.stderr
    assert "at or above" in shoal("scan", "--help", cwd=tmp_path).stdout


def test_config_file_replaces_the_repositorys(repo: Path, tmp_path: Path) -> None:
    (repo / ".shoal.toml").write_text('[rules]\ndisable = ["crypto/python-weak-hash"]\n')
    commit_all(repo, "config")
    other = tmp_path / "ci.toml"
    other.write_text('[scan]\nexclude = ["api/"]\n\n[metrics]\nmax_ccn = 4\n')
    done = scan(repo, tmp_path, "--format", "json", "-c", str(other))
    rules = {(f["location"]["path"], f["rule_id"]) for f in findings_of(done)}
    assert ("tools/task.py", "crypto/python-weak-hash") in rules  # the repository's disable no longer applies
    assert not any(path.startswith("api/") for path, _ in rules)
    assert ("branchy.py", "metrics/cyclomatic-complexity") in rules
    other.write_text('[scan]\nexclude = "api/"\n')
    done = scan(repo, tmp_path, "-c", str(other))
    assert done.returncode == 2 and "--config file" in done.stderr and "at scan.exclude" in done.stderr
    done = scan(repo, tmp_path, "-c", str(tmp_path / "nope.toml"))
    assert done.returncode == 2 and "cannot read the --config file" in done.stderr


def test_metric_limits_from_flags_shoal_toml_and_environment(repo: Path, tmp_path: Path) -> None:
    def ccn_findings(*args: str, env: dict[str, str] | None = None) -> list[str]:
        done = scan(repo, tmp_path, "--format", "json", "--metrics-only", *args, env=env)
        assert done.returncode in (0, 1), done.stderr
        return [f["location"]["path"] for f in findings_of(done) if f["rule_id"] == "metrics/cyclomatic-complexity"]

    assert ccn_findings() == []
    assert ccn_findings("--max-ccn", "4") == ["branchy.py"]
    (repo / ".shoal.toml").write_text("[metrics]\nmax_ccn = 4\n")
    commit_all(repo, "limits")
    assert ccn_findings() == ["branchy.py"]
    assert ccn_findings("--max-ccn", "20") == []  # a flag wins over .shoal.toml
    assert ccn_findings(env={"SHOAL_MAX_CCN": "20"}) == []  # and so does the variable
    (repo / ".shoal.toml").write_text("[metrics]\nmax_ccn = 0\n")
    commit_all(repo, "bad limits")
    done = scan(repo, tmp_path, "--metrics-only")
    assert done.returncode == 2 and "at metrics.max_ccn" in done.stderr
    done = scan(repo, tmp_path, "--max-params", "0")
    assert done.returncode == 2 and "must be at least 1" in done.stderr


def test_files_are_scanned_as_the_working_tree_holds_them_within_their_repository(repo: Path, tmp_path: Path) -> None:
    (repo / ".shoal.toml").write_text('[rules]\ndisable = ["crypto/python-weak-hash"]\n')
    commit_all(repo, "config")
    (repo / "api" / "new.py").write_text("import pickle\n\n\ndef load(b):\n    return pickle.loads(b)\n")  # not committed
    done = shoal("scan", "--workspace", str(tmp_path / "ws"), "--format", "json", "api/new.py", "tools/task.py",
                 cwd=repo)
    assert done.returncode == 1, done.stderr
    found = {(f["location"]["path"], f["rule_id"]) for f in findings_of(done)}
    # Only the given files, their repository's .shoal.toml applied (the weak hash is disabled).
    assert found == {("api/new.py", "deserialization/python-pickle"),
                     ("tools/task.py", "command-injection/python-os-system")}
    clean = shoal("scan", "--workspace", str(tmp_path / "ws"), "-q", str(repo / "branchy.py"), cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == "", clean.stderr
    outside = tmp_path / "elsewhere.py"
    outside.write_text("x = 1\n")
    done = shoal("scan", "--workspace", str(tmp_path / "ws"), "api/app.py", str(outside), cwd=repo)
    assert done.returncode == 2 and "is not inside the repository" in done.stderr
    done = shoal("scan", "--workspace", str(tmp_path / "ws"), "--ref", "HEAD", "api/app.py", cwd=repo)
    assert done.returncode == 2 and "--ref and --base apply to a whole repository" in done.stderr


def test_a_config_file_may_name_the_repositorys_rules_folder_for_full_scans(repo: Path, tmp_path: Path) -> None:
    (repo / "rules").mkdir()
    (repo / "rules" / "print.yaml").write_text(HOUSE_RULE)
    (repo / "api" / "app.py").write_text(VULNERABLE + "\n\nprint('hi')\n")
    commit_all(repo, "house rules")
    config = tmp_path / "ci.toml"
    config.write_text('[rules]\nfolder = "rules"\n')
    for _ in range(2):  # the second scan of the commit must not reuse results the folder could make stale
        done = scan(repo, tmp_path, "--format", "json", "-c", str(config))
        assert "house/python-print" in {f["rule_id"] for f in findings_of(done)}, done.stderr
    done = scan(repo, tmp_path, "-c", str(config), "--base", "HEAD~1")
    assert done.returncode == 2 and "names a rules folder needs a full scan" in done.stderr


@pytest.mark.parametrize("flag, value, rule", [
    ("--max-ccn", "3", "metrics/cyclomatic-complexity"),
    ("--max-function-lines", "3", "metrics/function-length"),
    ("--max-params", "1", "metrics/parameter-count"),
    ("--max-nesting", "2", "metrics/nesting-depth"),
])
def test_each_limit_flag_sets_its_limit(tmp_path: Path, flag: str, value: str, rule: str) -> None:
    root = tmp_path / "limits"
    root.mkdir()
    (root / "deep.py").write_text("def deep(a, b):\n    if a:\n        if b:\n            if a > b:\n"
                                  "                return 1\n    return 0\n")
    init_repo(root)
    assert scan(root, tmp_path, "--metrics-only").returncode == 0  # within the default limits
    done = scan(root, tmp_path, "--format", "json", "--metrics-only", flag, value)
    assert [f["rule_id"] for f in findings_of(done)] == [rule], done.stderr


def test_files_all_outside_the_include_patterns_pass_with_a_note(repo: Path, tmp_path: Path) -> None:
    (repo / ".shoal.toml").write_text('[scan]\ninclude = ["api/**"]\n')
    commit_all(repo, "config")
    done = shoal("scan", "--workspace", str(tmp_path / "ws"), "tools/task.py", "branchy.py", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "nothing to scan" in done.stderr and "leaves out every file given" in done.stderr
    done = shoal("scan", "--workspace", str(tmp_path / "ws"), "-q", "tools/task.py", "api/app.py", cwd=repo)
    assert done.returncode == 1 and "api/app.py" in done.stdout and "tools/task.py" not in done.stdout


def test_text_with_brackets_is_printed_as_written_never_read_as_markup(tmp_path: Path) -> None:
    # Next.js-style folders ([slug]) and a user rule's message: the terminal's markup must not
    # eat them, nor crash on a closing tag ([/x]).
    done = shoal("scan", "no[/x]such", "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'no[/x]such' is neither an https URL" in done.stderr
    (tmp_path / "app" / "[slug]").mkdir(parents=True)
    (tmp_path / "app" / "[slug]" / "page.py").write_text("x = 1\n")
    done = shoal("scan", "app/[slug]/page.py", "app/[slug]/nope.py", "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "app/[slug]/nope.py does not exist" in done.stderr
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.yaml").write_text(HOUSE_RULE.replace("print() is not our logger", "print() [/] is not our [b]logger"))
    done = shoal("rules", "show", "house/python-print", "--rules", str(rules), cwd=tmp_path)
    assert done.returncode == 0 and "print() [/] is not our [b]logger" in done.stdout, done.stderr


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_reader_that_stops_early_does_not_change_the_exit_status(tmp_path: Path, fmt: str) -> None:
    # `shoal scan . | head -1` under pipefail: 0 must stay 0 (rich's default on a broken pipe is 1).
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "a.py").write_text("x = 1\n")
    process = subprocess.Popen([sys.executable, "-m", "shoal.cli", "scan", str(tmp_path / "clean"), "--workspace",
                                str(tmp_path / "ws"), "--format", fmt], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the scan prints anything
    errors = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(),
                    reason="needs root and setpriv to take away root's right to read any folder")
def test_a_folder_the_user_cannot_read_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.py").write_text("x = 1\n")
    locked.chmod(0)
    try:
        # Root without the capabilities that bypass file permissions: an ordinary user's view.
        done = subprocess.run(["/usr/bin/setpriv", "--inh-caps=-dac_override,-dac_read_search",
                               "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-m", "shoal.cli",
                               "scan", str(locked), "--workspace", str(tmp_path / "ws")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"cannot read the folder {locked}: permission denied" in done.stderr


def test_a_second_scan_of_a_working_tree_being_scanned_is_refused_not_mixed(repo: Path, tmp_path: Path) -> None:
    # Two scans of files of one repository share its staged copy: restaging it under a running
    # scan took its files away (skipped, and the scan passed). The second is refused instead.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from shoal.source.staged import stage; "
         "stage([sys.argv[1]], Path(sys.argv[2])); print('staged', flush=True); sys.stdin.read()",
         str(repo / "api"), str(tmp_path / "ws")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "staged"
        done = shoal("scan", str(repo / "tools" / "task.py"), "--workspace", str(tmp_path / "ws"), "-q",
                     cwd=tmp_path)
        assert done.returncode == 2 and "another shoal scan is reading the working tree of" in done.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    scan_files = shoal("scan", str(repo / "tools" / "task.py"), "--workspace", str(tmp_path / "ws"), "-q", cwd=tmp_path)
    assert scan_files.returncode == 1, scan_files.stderr  # its findings, once the other is done


def test_files_outside_any_repository_are_scanned_from_any_folder(tmp_path: Path) -> None:
    # Not a repository: the files' own folder (not the current one) is what they are scanned within.
    loose = tmp_path / "loose"
    (loose / "api").mkdir(parents=True)
    (loose / "api" / "app.py").write_text(VULNERABLE)
    (loose / "branchy.py").write_text(BRANCHY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = shoal("scan", str(loose / "api" / "app.py"), str(loose / "branchy.py"), "--workspace",
                 str(tmp_path / "ws"), "--format", "json", cwd=elsewhere)
    assert done.returncode == 1, done.stderr
    assert {f["path"] for f in json.loads(done.stdout)["files"]} == {"api/app.py", "branchy.py"}


@pytest.mark.parametrize("count", ["0", "-1", "5000", "two"])
def test_a_worker_count_out_of_range_is_refused_before_any_process_starts(tmp_path: Path, count: str) -> None:
    done = shoal("scan", str(tmp_path), "--workers", count, "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "argument --workers:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "ws").exists()


def test_a_bad_file_name_or_pattern_is_named_in_its_error(tmp_path: Path) -> None:
    bad = os.fsdecode(b"bad\xffname.py")
    (tmp_path / bad).write_text("x = 1\n")
    done = shoal("scan", bad, "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "bad\\xffname.py: the name is not valid UTF-8" in done.stderr, done.stderr
    (tmp_path / "ok.py").write_text("x = 1\n")
    done = shoal("scan", "ok.py", "--include", "\\", "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "the include pattern '\\\\' is not valid gitignore syntax" in done.stderr, done.stderr


@pytest.mark.parametrize(("argv", "message"), [
    (["clean", "--older-than", "nan"], "argument --older-than: 'nan' is not a number of days"),
    (["clean", "--older-than", "-1"], "argument --older-than: '-1' is not a number of days"),
    (["scan", ".", "--include", ""], "argument --include: the pattern is empty"),
    (["scan", ".", "--exclude", " "], "argument --exclude: the pattern is empty"),
    (["rules", "list", "--language", "cobol"], "no rules for the language 'cobol': languages are c, cpp"),
])
def test_a_value_that_would_do_the_wrong_thing_quietly_is_refused(tmp_path: Path, argv: list[str], message: str) -> None:
    # `clean --older-than nan` removed every scan; an empty --include (an unset CI variable) scanned nothing.
    (tmp_path / "ws" / "scans" / "kept-0123456789abcdef").mkdir(parents=True)
    done = shoal(*argv, env={"SHOAL_WORKSPACE": str(tmp_path / "ws")}, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert (tmp_path / "ws" / "scans" / "kept-0123456789abcdef").is_dir()


def test_a_missing_rules_folder_says_the_repositorys_settings_name_it(repo: Path, tmp_path: Path) -> None:
    (repo / ".shoal.toml").write_text('[rules]\nfolder = "tools/rules"\n')
    commit_all(repo, "rules folder")
    done = scan(repo, tmp_path)
    assert done.returncode == 2 and "tools/rules: no such rules folder (.shoal.toml's rules.folder names it)" \
        in done.stderr, done.stderr
