"""Cross-file data flow through the whole local pipeline: each agent follows calls into files of
other partitions, and the reports do not depend on how the files were split between agents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shoal.local.engine import LocalEngine
from tests.unit.test_taint_repository import DB, HELPER, SERVLET, VIEW

PADDING = "def pad_{n}(x):\n" + "    x = x + 1\n" * 400 + "    return x\n"


def _project(root: Path) -> Path:
    files = {
        "src/main/java/com/acme/web/RequestWrapper.java": HELPER,
        "src/main/java/com/acme/app/Lookup.java": SERVLET.replace("{method}", "doGet").replace("{call}", "param"),
        "shop/__init__.py": "",
        "shop/db.py": DB,
        "shop/views.py": VIEW.replace("{package}", "shop").replace("{function}", "run").replace(
            "{argument}", "\"SELECT * FROM t WHERE name = '\" + request.args[\"name\"] + \"'\""),
        **{f"shop/pad{n}.py": PADDING.replace("{n}", str(n)) for n in range(6)},
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


def _scan(project: Path, workspace: Path, workers: int, partitions: int) -> tuple[dict[str, Any], dict[str, bytes]]:
    engine = LocalEngine(workers, {"SHOAL_WORKSPACE": str(workspace)})
    summary = engine.run({"scan_id": "crossfile", "repository": str(project), "options": {
        "workspace": str(workspace), "min_partition_bytes": 1024, "max_partitions": partitions,
        "max_concurrency": workers, "security": True}}, "shoal-agent")
    return summary, {fmt: (workspace / rel).read_bytes() for fmt, rel in summary["reports"].items()}


def test_flows_between_files_of_different_partitions_are_reported_the_same_however_split(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    summary, reports = _scan(project, tmp_path / "ws-many", workers=2, partitions=8)
    _, alone = _scan(project, tmp_path / "ws-one", workers=1, partitions=1)
    assert summary["partitions"] > 2
    assert reports == alone
    findings = json.loads(reports["json"])["findings"]
    flows = {(f["location"]["path"], f["rule_id"]): f for f in findings if f.get("steps")}
    java = flows[("src/main/java/com/acme/app/Lookup.java", "sql-injection/java-sql-string-building")]
    assert java["steps"][0]["path"] == "src/main/java/com/acme/web/RequestWrapper.java"
    python = next(f for (path, rule), f in flows.items() if path == "shop/views.py" and rule.startswith("sql-injection/"))
    assert python["steps"][-1]["path"] == "shop/db.py"
    sarif = json.loads(reports["sarif"])
    uris = {loc["location"]["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"] for flow in result.get("codeFlows", ())
            for thread in flow["threadFlows"] for loc in thread["locations"]}
    assert {"src/main/java/com/acme/web/RequestWrapper.java", "shop/db.py", "shop/views.py"} <= uris
