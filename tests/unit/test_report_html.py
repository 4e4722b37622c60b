"""index.html: self-contained, escaped, and working in a real headless browser (Debian's chromium
driven by playwright): no console errors, filters hide rows, the complexity chart has points."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from shoal.models import Finding, Location, Severity
from shoal.reports import render
from tests.unit.test_reports import make_result

E2E = Path(__file__).resolve().parents[1] / "e2e"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]
ATTACK = '<script>alert("pwned")</script>'


def hostile(path: str = "src/evil.py", **changes: Any) -> Finding:
    return Finding(
        rule_id="code-injection/python-eval", severity=Severity.ERROR, confidence="high",
        message=f"eval of {ATTACK} & \"quotes\"", location=Location(path, 3, 1, 3, 9), fingerprint="f" * 16,
        **changes,
    )


def page_of(**changes: Any) -> str:
    return render(make_result(**changes), "html").decode("utf-8")


def test_the_page_fetches_nothing_and_forbids_fetching() -> None:
    html = page_of()
    assert "default-src 'none'" in html  # the CSP: no request leaves the page, whatever it holds
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_attacker_text_is_escaped_in_text_and_attributes() -> None:
    result = make_result()
    flagged = hostile(path='x/"><img src=x onerror=alert(1)>.py')
    html = render(replace(result, findings=(*result.findings, flagged)), "html").decode("utf-8")
    assert ATTACK not in html
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert "<img" not in html and 'data-path="x/&#34;&gt;&lt;img src=x onerror=alert(1)&gt;.py"' in html


def test_data_flow_steps_are_listed_when_a_finding_has_them() -> None:
    steps = [{"path": "src/a.py", "line": 3, "message": "request.args read"}, {"path": "src/a.py", "line": 9,
                                                                                "message": f"passed to eval {ATTACK}"}]
    result = make_result()
    html = render(replace(result, findings=(hostile(properties=(("steps", steps),)),)), "html").decode("utf-8")
    assert "Data flow (2 steps)" in html
    assert "<li>src/a.py:3 request.args read</li>" in html and ATTACK not in html
    assert "Data flow" not in page_of()


def test_breakdowns_facts_and_chart_points() -> None:
    html = page_of()
    for text in ("widgets.git", "minified: 1", "vendored: 2", "Failed partitions</td><td>none",
                 "<td><code>src</code></td>"):
        assert text in html
    assert "s3cret" not in html  # the clone URL's credentials never reach a report
    assert html.count('<circle class="point"') == 3  # one per function in the result


def test_the_chart_shows_the_most_complex_functions_as_a_sort_of_all_would_choose_them(monkeypatch) -> None:
    import random

    from shoal.models import FileMetrics, FunctionMetrics, LineCounts
    from shoal.reports import html

    draw = random.Random(19)
    files = tuple(
        FileMetrics(f"src/m{i}.py", "python", 100, LineCounts(10, 0, 0), tuple(
            FunctionMetrics(f"f{j}", line, line + draw.randint(0, 30), 1, draw.choice((1, 1, 1, 2, 3, 5, 8)), 3, 1, 1)
            for j, line in enumerate(range(1, 400, 40))))
        for i in range(30))
    result = replace(make_result(), files=files)
    every = [(fn.ccn, fn.length, fn.start_line, f.path, fn.name) for f in files for fn in f.functions]
    for points in (1, 7, 40, 299, 300, 301, 1000):  # around ties at the cut, and more points than functions
        monkeypatch.setattr(html, "MAX_POINTS", points)
        expected = sorted(every, key=lambda f: (-f[0], -f[1], f[3], f[2], f[4]))[:points]
        drawn = html.chart(result)
        assert (drawn["shown"], drawn["total"]) == (len(expected), len(every))
        assert re.findall(r"<title>([^<]*)</title>", str(drawn["circles"])) == [
            f"{name} ({path}:{line}): CCN {ccn}, {length} lines" for ccn, length, line, path, name in expected]


def test_the_report_is_one_of_the_merges_formats_and_byte_identical() -> None:
    assert render(make_result(), "html") == render(make_result(), "html")


# ------------------------------------------------------------------------------ in a real browser


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    done = subprocess.run(["bash", str(E2E / "browser.sh")], capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        pytest.skip(done.stderr.strip() or "chromium is not available")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")
    executable = shutil.which("chromium")
    assert executable is not None
    with sync_api.sync_playwright() as driver, tempfile.TemporaryDirectory(prefix="shoal-chromium-") as profile:
        # A persistent context is how playwright takes a --user-data-dir: a fresh one per run.
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS, offline=True,
        )
        try:
            yield context
        finally:
            context.close()


def _open(context: Any, path: Path) -> tuple[Any, list[str]]:
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", lambda request: problems.append(f"request: {request.url}")
            if not request.url.startswith("file:") else None)
    page.goto(path.as_uri())
    return page, problems


def test_the_page_works_in_a_headless_browser(browser_context: Any, tmp_path: Path) -> None:
    result = make_result()
    result = replace(result, findings=(*result.findings, hostile()))
    path = tmp_path / "index.html"
    path.write_bytes(render(result, "html"))
    page, problems = _open(browser_context, path)
    rows = page.locator("#findings tr.finding")
    visible = page.locator("#findings tr.finding:visible")
    assert rows.count() == visible.count() == 5
    # The hostile message is text on the page, not a script that ran.
    assert ATTACK in page.locator("#findings").inner_text()
    page.select_option("#f-severity", "note")
    assert visible.count() == 2 and page.locator("#shown").inner_text() == "2"
    page.select_option("#f-severity", "")
    page.select_option("#f-rule", "code-injection/python-eval")
    assert visible.count() == 1
    page.select_option("#f-rule", "")
    page.select_option("#f-language", "javascript")
    assert visible.count() == 1
    page.select_option("#f-language", "")
    page.fill("#f-path", "SRC/APP")
    assert visible.count() == 2
    page.fill("#f-path", "")
    assert visible.count() == 5
    points = page.locator("svg#hotspots circle.point")
    assert points.count() == 3
    box = page.locator("svg#hotspots").bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100  # drawn, not collapsed
    assert problems == []
