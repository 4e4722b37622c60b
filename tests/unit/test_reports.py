"""Report writers: SARIF validity and GitHub conventions, JSON round trips, Markdown escaping,
determinism and atomic publication."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from shoal.models import (
    Exclusion,
    FileMetrics,
    Finding,
    FunctionMetrics,
    LineCounts,
    Location,
    RuleMeta,
    ScanResult,
    Severity,
)
from shoal.reports import FORMATS, ReportFile, render, write_reports
from tests.helpers import sarif_validator as pinned_sarif_validator

COMMIT = "0123456789abcdef0123456789abcdef01234567"
TRICKY_PATH = "src/dir with space/ünïcode #1 100%.py"
TRICKY_URI = "src/dir%20with%20space/%C3%BCn%C3%AFcode%20%231%20100%25.py"
PIPE_PATH = "web/a|b.js"
PIPE_MESSAGE = "Function `f2` has complexity 12 | limit 10"

RULES = (
    RuleMeta(
        id="metrics/cyclomatic-complexity",
        name="CyclomaticComplexity",
        description="Function is too complex.",
        default_severity=Severity.WARNING,
        help="Split the function.",
        tags=("maintainability",),
    ),
    RuleMeta(
        id="security/hardcoded-secret",
        name="HardcodedSecret",
        description="A secret is written in the source.",
        default_severity=Severity.ERROR,
        cwe="CWE-798",
        tags=("security",),
    ),
    RuleMeta(
        id="style/line-length",
        name="LineLength",
        description="Line is too long.",
        default_severity=Severity.NOTE,
    ),
)


def fn(name: str, line: int, ccn: int) -> FunctionMetrics:
    return FunctionMetrics(
        name=name, start_line=line, end_line=line + 9, start_col=1, ccn=ccn, nloc=8, params=2,
        max_nesting=1,
    )


def finding(
    rule: str, severity: Severity, path: str, line: int, col: int, *, end: tuple[int, int],
    message: str = "msg", fingerprint: str = "", **extra: Any,
) -> Finding:
    return Finding(
        rule_id=rule,
        severity=severity,
        confidence="high",
        message=message,
        location=Location(path=path, start_line=line, start_col=col, end_line=end[0],
                          end_col=end[1]),
        fingerprint=fingerprint or hashlib.sha256(f"{rule}{path}{line}".encode()).hexdigest(),
        **extra,
    )


def make_result(**changes: Any) -> ScanResult:
    files = (
        FileMetrics("src/app.py", "python", 1200, LineCounts(40, 10, 5),
                    (fn("small", 1, 3), fn("f2", 10, 12))),
        FileMetrics(TRICKY_PATH, "python", 300, LineCounts(20, 2, 3), (fn("médium", 1, 7),),
                    parse_errors=1),
        FileMetrics(PIPE_PATH, "javascript", 100, LineCounts(5, 0, 1)),
    )
    findings = (
        finding("metrics/cyclomatic-complexity", Severity.WARNING, "src/app.py", 10, 5,
                end=(19, 2), message=PIPE_MESSAGE, properties=(("ccn", 12), ("limit", 10))),
        finding("security/hardcoded-secret", Severity.ERROR, "src/app.py", 20, 9, end=(20, 30),
                cwe="CWE-798", properties=(("entropy", 4.25),)),
        # 0-based and inverted positions, as a careless analyser might report them.
        finding("style/line-length", Severity.NOTE, TRICKY_PATH, 0, 0, end=(0, 0)),
        finding("style/line-length", Severity.NOTE, PIPE_PATH, 3, 8, end=(3, 2),
                message="line\nbreak | and <b>html</b> *stars*"),
    )
    base = ScanResult(
        scan_id="scan-1",
        repository="https://x-access-token:s3cret@github.com/acme/widgets.git",
        commit=COMMIT,
        ref="main",
        files=files,
        findings=findings,
        exclusions=(
            Exclusion("build/app.min.js", "minified"),
            Exclusion("vendor/a.js", "vendored"),
            Exclusion("vendor/b.js", "vendored"),
        ),
        rules=RULES,
        tool_version="0.1.0",
    )
    return replace(base, **changes)


def sarif(result: ScanResult) -> dict[str, Any]:
    return json.loads(render(result, "sarif"))


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    return pinned_sarif_validator()


# --- SARIF -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"diagnostics": ("partition p0001 failed after 3 attempts",)},
        {"repository": "/home/me/src/widgets", "ref": None},
        {"files": (), "findings": (), "exclusions": (), "rules": ()},
    ],
    ids=["full", "diagnostics", "local-repo", "empty"],
)
def test_sarif_validates_against_official_schema(
    sarif_validator: jsonschema.protocols.Validator, changes: dict[str, Any]
) -> None:
    document = sarif(make_result(**changes))
    errors = sorted(sarif_validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    # Errata 01 requires a region to say where it starts; the pinned schema copy lacks that anyOf.
    for run in document["runs"]:
        for result in run["results"]:
            for location in result.get("locations", []):
                region = location["physicalLocation"].get("region")
                assert region is None or "startLine" in region, region


def test_sarif_run_header() -> None:
    document = sarif(make_result())
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "Shoal"
    assert driver["semanticVersion"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    assert run["automationDetails"]["id"].startswith("shoal/scan-1")
    assert run["originalUriBaseIds"]["%SRCROOT%"]
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    summary = run["properties"]["summary"]
    assert summary["files"] == 3
    assert summary["lines"] == {"code": 65, "comment": 12, "blank": 9}
    assert summary["functions"] == 3
    assert summary["exclusions_by_reason"] == {"minified": 1, "vendored": 2}


def test_sarif_provenance_strips_credentials_and_skips_local_paths() -> None:
    [provenance] = sarif(make_result())["runs"][0]["versionControlProvenance"]
    assert provenance["repositoryUri"] == "https://github.com/acme/widgets.git"
    assert provenance["revisionId"] == COMMIT
    assert b"s3cret" not in render(make_result(), "sarif")

    local = sarif(make_result(repository="/srv/checkouts/widgets"))["runs"][0]
    assert "versionControlProvenance" not in local
    ssh = sarif(make_result(repository="git@github.com:acme/widgets.git"))["runs"][0]
    assert "versionControlProvenance" not in ssh


def test_sarif_diagnostics_mark_execution_unsuccessful() -> None:
    result = make_result(diagnostics=("partition p0001 failed", "p0002 timed out"))
    [invocation] = sarif(result)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert texts == ["partition p0001 failed", "p0002 timed out"]


def test_sarif_rules() -> None:
    rules = sarif(make_result())["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    complexity, secret, style = rules
    assert complexity["name"] == "CyclomaticComplexity"
    assert complexity["shortDescription"] == {"text": "Function is too complex."}
    assert complexity["help"]["text"] == "Split the function."
    assert complexity["defaultConfiguration"] == {"level": "warning"}
    assert complexity["properties"]["tags"] == ["maintainability"]
    assert "security-severity" not in complexity["properties"]

    assert secret["defaultConfiguration"] == {"level": "error"}
    assert secret["properties"]["tags"] == ["security", "external/cwe/cwe-798"]
    assert float(secret["properties"]["security-severity"]) >= 7.0
    assert "CWE-798" in secret["help"]["markdown"]

    assert style["defaultConfiguration"] == {"level": "note"}
    assert "security-severity" not in style["properties"]
    for rule in rules:
        assert rule["properties"]["precision"] in {"very-high", "high", "medium", "low"}


def test_sarif_security_severity_needs_a_cwe() -> None:
    no_cwe = replace(RULES[1], cwe=None)
    rules = sarif(make_result(rules=(RULES[0], no_cwe, RULES[2])))["runs"][0]["tool"]["driver"]
    props = rules["rules"][1]["properties"]
    assert "security-severity" not in props
    assert props["tags"] == ["security"]


def test_sarif_results() -> None:
    run = sarif(make_result())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [f.rule_id for f in make_result().findings]
    for res, source in zip(results, make_result().findings, strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] == source.severity.value
        assert res["message"]["text"] == source.message
        assert res["partialFingerprints"] == {"shoal/v2": source.fingerprint}
        assert res["properties"]["confidence"] == "high"
        [location] = res["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert unquote(artifact["uri"]) == source.location.path

    complexity, secret, clamped, inverted = results
    assert complexity["properties"] == {"confidence": "high", "ccn": 12, "limit": 10}
    assert secret["properties"]["entropy"] == 4.25
    assert secret["properties"]["cwe"] == "CWE-798"
    assert complexity["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 10, "startColumn": 5, "endLine": 19, "endColumn": 2,
    }
    tricky = clamped["locations"][0]["physicalLocation"]
    assert tricky["artifactLocation"]["uri"] == TRICKY_URI
    assert tricky["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    pipe = inverted["locations"][0]["physicalLocation"]
    assert pipe["artifactLocation"]["uri"] == "web/a%7Cb.js"
    assert pipe["region"] == {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 8}


def test_sarif_finding_of_undescribed_rule_gets_a_descriptor() -> None:
    extra = finding("experimental/new-check", Severity.WARNING, "src/app.py", 1, 1, end=(1, 2))
    result = make_result(findings=(extra,))
    run = sarif(result)["runs"][0]
    [res] = run["results"]
    descriptor = run["tool"]["driver"]["rules"][res["ruleIndex"]]
    assert descriptor["id"] == "experimental/new-check"
    assert descriptor["defaultConfiguration"] == {"level": "warning"}


def test_sarif_result_tags_property_stays_schema_valid(
    sarif_validator: jsonschema.protocols.Validator,
) -> None:
    odd = finding("style/line-length", Severity.NOTE, "src/app.py", 1, 1, end=(1, 2),
                  properties=(("tags", "not-a-list"),))
    document = sarif(make_result(findings=(odd,)))
    sarif_validator.validate(document)
    assert document["runs"][0]["results"][0]["properties"]["shoal/tags"] == "not-a-list"


# --- JSON --------------------------------------------------------------------------------------


def test_json_document_round_trips() -> None:
    result = make_result()
    document = json.loads(render(result, "json"))
    assert document["schema"] == "shoal/findings/v1"
    assert document["scan"] == {
        "id": "scan-1",
        "repository": "https://github.com/acme/widgets.git",
        "commit": COMMIT,
        "ref": "main",
        "tool_version": "0.1.0",
    }
    assert tuple(Finding.from_dict(f) for f in document["findings"]) == result.findings
    assert tuple(FileMetrics.from_dict(f) for f in document["files"]) == result.files
    assert document["exclusions"] == [e.to_dict() for e in result.exclusions]
    assert document["diagnostics"] == []
    assert document["files"][0]["functions"][1]["ccn"] == 12


def test_json_summary() -> None:
    summary = json.loads(render(make_result(), "json"))["summary"]
    assert summary["files"] == 3
    assert summary["bytes"] == 1600
    assert summary["lines"] == {"code": 65, "comment": 12, "blank": 9}
    assert summary["functions"] == 3
    assert summary["findings_by_severity"] == {"error": 1, "warning": 1, "note": 2}
    assert summary["findings_by_rule"] == {
        "metrics/cyclomatic-complexity": 1,
        "security/hardcoded-secret": 1,
        "style/line-length": 2,
    }
    assert summary["exclusions_by_reason"] == {"minified": 1, "vendored": 2}
    assert summary["passed"] is False


def test_json_is_canonical_utf8() -> None:
    data = render(make_result(), "json")
    assert data.endswith(b"}\n")
    assert "ünïcode".encode() in data  # ensure_ascii=False: readable, not \u-escaped
    document = json.loads(data)
    assert data.decode() == json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def test_json_survives_undecodable_file_names() -> None:
    path = b"src/caf\xe9.py".decode("utf-8", errors="surrogateescape")
    odd = finding("style/line-length", Severity.NOTE, path, 1, 1, end=(1, 2), fingerprint="f")
    result = make_result(findings=(odd,))
    document = json.loads(render(result, "json"))
    assert Finding.from_dict(document["findings"][0]) == odd
    uri = sarif(result)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "src/caf%E9.py"
    render(result, "md").decode("utf-8")


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_summary_tables() -> None:
    text = render(make_result(), "md").decode()
    assert text.startswith(
        "# Shoal report: https://github.com/acme/widgets.git @ `0123456789ab`\n"
    )
    assert "s3cret" not in text
    for row in [
        "| Files | 3 |",
        "| Code lines | 65 |",
        "| Comment lines | 12 |",
        "| Blank lines | 9 |",
        "| Functions | 3 |",
        "| Errors | 1 |",
        "| Warnings | 1 |",
        "| Notes | 2 |",
        "| Result | FAIL (fails on error or worse) |",
        "| style/line-length | LineLength | note | 2 |",
        "| security/hardcoded-secret | HardcodedSecret | error | 1 |",
        "| python | 2 | 60 |",
        "| javascript | 1 | 5 |",
        "| minified | 1 |",
        "| vendored | 2 |",
    ]:
        assert row + "\n" in text, row


def test_markdown_escapes_paths_and_messages() -> None:
    text = render(make_result(), "md").decode()
    assert (
        "| warning | metrics/cyclomatic-complexity | src/app.py:10:5 | "
        "Function \\`f2\\` has complexity 12 \\| limit 10 |\n"
    ) in text
    assert (
        "| note | style/line-length | web/a\\|b.js:3:8 | "
        "line break \\| and \\<b\\>html\\</b\\> \\*stars\\* |\n"
    ) in text
    assert "src/dir with space/ünïcode \\#1 100%.py:0:0" in text
    for table in tables(text):
        header = cells(table[0])
        for row in table[1:]:
            assert len(cells(row)) == len(header), row


def tables(text: str) -> list[list[str]]:
    found: list[list[str]] = []
    previous_was_row = False
    for line in text.splitlines():
        is_row = line.startswith("|")
        if is_row and not previous_was_row:
            found.append([])
        if is_row:
            found[-1].append(line)
        previous_was_row = is_row
    return found


def cells(row: str) -> list[str]:
    """The cells of a GFM table row: '|' splits unless a backslash escapes it."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_markdown_orders_findings_and_functions() -> None:
    text = render(make_result(), "md").decode()
    top = text.split("## Top findings")[1].split("##")[0]
    assert top.index("| error |") < top.index("| warning |") < top.index("| note |")
    functions = text.split("## Most complex functions")[1].split("##")[0]
    assert functions.index("| 12 | f2 |") < functions.index("| 7 | médium |") \
        < functions.index("| 3 | small |")


def test_markdown_ranks_functions_past_ties_at_the_cut() -> None:
    """Only the most complex functions are sorted; ties at the tenth place still rank by path,
    line and name, exactly as a sort of every function would."""
    from shoal.reports.markdown import TOP_FUNCTIONS, complex_functions

    files = tuple(
        FileMetrics(path=f"src/m{i % 3}.py", language="python", bytes=10, lines=LineCounts(1, 0, 0),
                    functions=tuple(fn(f"f{i}_{j}", 10 * j + 1, (i * 7 + j) % 9 + 1) for j in range(6)))
        for i in range(9)
    )
    result = make_result(files=files)
    everything = sorted(
        ((file.path, f) for file in files for f in file.functions),
        key=lambda item: (-item[1].ccn, item[0], item[1].start_line, item[1].name),
    )
    ranked = complex_functions(result, TOP_FUNCTIONS)
    assert [(r["path"], r["function"]) for r in ranked] == everything[:TOP_FUNCTIONS]
    assert complex_functions(make_result(files=()), TOP_FUNCTIONS) == []


def test_file_metrics_read_back_give_the_same_dict_and_older_shapes_are_rebuilt() -> None:
    """from_dict keeps a dict to_dict wrote and to_dict gives it back (the merge re-emits every
    file); a dict of another shape, e.g. without parse_errors, is rebuilt from the fields."""
    original = make_result().files[0]
    written = json.loads(json.dumps(original.to_dict()))
    read = FileMetrics.from_dict(written)
    assert read == original
    assert read.to_dict() is written
    older = {key: value for key, value in written.items() if key != "parse_errors"}
    rebuilt = FileMetrics.from_dict(older)
    assert rebuilt.to_dict() == {**older, "parse_errors": 0}
    assert rebuilt.to_dict() is not older


def test_markdown_renders_whatever_becomes_of_the_template_cache(tmp_path: Path, monkeypatch) -> None:
    """The compiled template is cached in the temp directory when it can be: a temp directory
    where jinja2 cannot make its folder means no cache, and a cache folder that disappears
    means compiling again; the summary is the same either way."""
    import shutil
    import tempfile

    from shoal.reports import markdown

    result = make_result()
    expected = render(result, "md")
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    usable = tmp_path / "temp"
    usable.mkdir()
    try:
        monkeypatch.setattr(tempfile, "tempdir", str(blocked))
        markdown.environment.cache_clear()
        assert markdown.environment().bytecode_cache is None
        assert render(result, "md") == expected

        monkeypatch.setattr(tempfile, "tempdir", str(usable))
        markdown.environment.cache_clear()
        assert markdown.environment().bytecode_cache is not None
        (cache_folder,) = usable.iterdir()
        shutil.rmtree(cache_folder)
        assert render(result, "md") == expected
    finally:
        markdown.environment.cache_clear()


def test_markdown_caps_top_findings() -> None:
    many = tuple(
        finding("style/line-length", Severity.NOTE, "src/app.py", line, 1, end=(line, 2))
        for line in range(1, 61)
    )
    text = render(make_result(findings=many), "md").decode()
    top = text.split("## Top findings")[1].split("##")[0]
    assert top.count("| note | style/line-length |") == 50
    assert "and 10 more findings" in top


def test_markdown_pass_against_threshold() -> None:
    warnings_only = tuple(f for f in make_result().findings if f.severity != Severity.ERROR)
    text = render(make_result(findings=warnings_only), "md").decode()
    assert "| Result | PASS (fails on error or worse) |" in text
    strict = make_result(findings=warnings_only, failure_threshold=Severity.WARNING)
    assert "| Result | FAIL (fails on warning or worse) |" in render(strict, "md").decode()
    never = make_result(failure_threshold=None)
    assert "| Result | PASS (set never to fail) |" in render(never, "md").decode()
    assert json.loads(render(never, "json"))["summary"]["passed"] is True


def test_markdown_leaves_harmless_text_alone() -> None:
    text = render(make_result(tool_version="1.2.3"), "md").decode()
    assert ", Shoal 1.2.3, scan scan-1." in text
    assert "| Location |" in text


def test_markdown_lists_diagnostics() -> None:
    diagnostics = ("p0001 | failed", "- looks like a list", "2. looks ordered")
    text = render(make_result(diagnostics=diagnostics), "md").decode()
    assert (
        "## Diagnostics\n\n- p0001 \\| failed\n- \\- looks like a list\n- 2\\. looks ordered\n"
    ) in text


# --- Determinism and publication ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_render_is_byte_identical(fmt: str) -> None:
    first = render(make_result(), fmt)
    assert render(make_result(), fmt) == first
    assert render(copy.deepcopy(make_result()), fmt) == first
    assert first.endswith(b"\n")


def test_render_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(make_result(), "pdf")


def test_write_reports_publishes_four_files(tmp_path: Path) -> None:
    result = make_result()
    report_dir = tmp_path / "scans" / "scan-1" / "report"
    written = write_reports(result, report_dir)

    assert list(written) == ["sarif", "json", "md", "html"]
    assert {fmt: f.path.name for fmt, f in written.items()} == {
        "sarif": "shoal.sarif", "json": "findings.json", "md": "summary.md", "html": "index.html",
    }
    assert sorted(p.name for p in report_dir.iterdir()) == [
        "findings.json", "index.html", "shoal.sarif", "summary.md",
    ]
    for fmt, report in written.items():
        assert isinstance(report, ReportFile)
        assert report.format == fmt
        on_disk = report.path.read_bytes()
        assert report.sha256 == hashlib.sha256(on_disk).hexdigest()
        assert report.bytes == len(on_disk)
        assert on_disk == render(result, fmt)

    assert write_reports(result, report_dir) == written
