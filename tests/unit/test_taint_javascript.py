"""Taint tracking in JavaScript and TypeScript: Express and Koa handlers, the constructs values
flow through, what makes them safe, and the sink conditions and notes the engine decides."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from shoal.analysis import parser
from shoal.models import Finding, Severity
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, builtin_rules, parse_rule

CMD = "command-injection/js-child-process-exec"
_ENGINE = RuleEngine(RuleSet(builtin_rules()))


def scan(code: str, path: str = "app.js", engine: RuleEngine = _ENGINE) -> list[Finding]:
    source = textwrap.dedent(code).encode()
    language = {"js": "javascript", "ts": "typescript", "tsx": "tsx"}[path.rsplit(".", 1)[-1]]
    findings, diagnostics = engine.run(language, parser.parse(source, language), source, path)
    assert not diagnostics, diagnostics
    return findings


def found(code: str, rule: str, path: str = "app.js") -> list[tuple[int, str]]:
    """(line, severity) of `rule`'s findings: flows are errors or warnings, bare matches notes."""
    return sorted((f.location.start_line, f.severity.value) for f in scan(code, path) if f.rule_id == rule)


def test_a_note_on_a_sink_that_only_constants_reach_is_dropped_and_an_unknown_one_stays() -> None:
    code = """\
        const { exec } = require('child_process');
        app.get('/logs', (req, res) => {
          const lines = [req.query.a, req.query.b];
          const cmd = 'tail -n 50 /var/log/app.log';
          exec(cmd, (err, out) => res.json({ lines, out }));
          const command = settings.command;
          exec(command, () => {});
        });
        """
    assert found(code, CMD) == [(7, Severity.NOTE.value)]


USER_RULE = """\
id: house/js-run-script
name: HouseRunScript
severity: error
confidence: high
mode: taint
message: "request data reaches {sink}()"
languages: [javascript]
sinks:
  - pattern: runner.run
    class: command
    args: [1]
    when: [{arg: 0, matches: "^(ba)?sh$"}]
    except: [{arg: 2, property: sandbox, matches: "^true$"}]
"""


def test_sink_conditions_decide_whether_a_call_is_the_sink() -> None:
    rule = parse_rule(yaml.safe_load(USER_RULE), "rules/run.yaml")
    engine = RuleEngine(RuleSet((*builtin_rules(), rule)))
    code = """\
        const runner = require('runner');
        app.get('/x', (req, res) => {
          const v = req.query.v;
          runner.run('bash', v);
          runner.run('python3', v);
          runner.run('sh', v, { sandbox: true });
          runner.run('sh', v, { sandbox: false, cwd: req.query.dir });
        });
        """
    lines = [f.location.start_line for f in scan(code, engine=engine) if f.rule_id == rule.id]
    assert lines == [4, 7]


def test_a_sink_condition_with_a_regex_re2_cannot_read_is_refused() -> None:
    data = yaml.safe_load(USER_RULE)
    data["sinks"][0]["when"] = [{"arg": 0, "matches": "(?<=a)b"}]
    with pytest.raises(RuleError, match="rules/run.yaml.*RE2"):
        parse_rule(data, "rules/run.yaml")
