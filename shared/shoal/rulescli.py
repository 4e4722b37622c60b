"""`shoal rules list | show <id> | test <dir>`: describe the rules, and test a user's rule folder
the same way the built-in rules are tested."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from shoal.errors import ShoalError
from shoal.languages import LANGUAGES
from shoal.models import RuleMeta

# The registry (YAML, the schema, tree-sitter) is imported by the commands that use it: every
# `shoal scan` imports this module for its argument parser (0.02 s).
if TYPE_CHECKING:
    from shoal.rules.registry import Rule

EXIT_OK, EXIT_FAILED = 0, 1


def add_commands(commands: Any) -> None:
    rules = commands.add_parser("rules", help="list, show and test rules")
    actions = rules.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every rule: built-in, secrets and metrics")
    listing.add_argument("--language", help="only rules for this language (python, go...)")
    listing.add_argument("--rules", help="a folder of your own rules to include")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="one rule in full")
    show.add_argument("rule_id")
    show.add_argument("--rules", help="a folder of your own rules to include")
    test = actions.add_parser("test", help="check a folder of rules against their samples")
    test.add_argument("folder")


def run_rules(args: argparse.Namespace, stdout: Console) -> int:
    if args.action == "test":
        return _test(Path(args.folder), stdout)
    query_rules = _query_rules(args.rules)
    others = _other_rules(args.rules)
    if args.action == "show":
        return _show(args.rule_id, query_rules, stdout, others)
    if args.language is not None and args.language not in LANGUAGES:
        raise ShoalError(f"no rules for the language {args.language!r}: languages are {', '.join(LANGUAGES)}")
    return _list(query_rules, args.language, args.format, stdout, others)


def _query_rules(folder: str | None) -> tuple[Rule, ...]:
    from shoal.rules.registry import RuleSet, builtin_rules, load_rules

    rules = builtin_rules()
    if folder:
        rules = RuleSet(rules + load_rules(Path(folder))).rules
    return rules


def _other_rules(folder: str | None) -> tuple[RuleMeta, ...]:
    """Metrics, secrets and notes, with the secret detectors of the --rules folder if any."""
    from shoal.scan.security import other_rules  # imports the secrets detectors: only when listing

    if not folder:
        return other_rules()
    from shoal.secrets.catalog import rules_of, user_detectors

    return (*other_rules(), *rules_of(user_detectors(Path(folder))))


def _rows(query_rules: tuple[Rule, ...], others: tuple[RuleMeta, ...], language: str | None) -> list[dict[str, Any]]:
    rows = [
        {"id": r.id, "name": r.name, "severity": r.severity.value, "cwe": r.cwe,
         "languages": list(r.languages), "source": r.source}
        for r in query_rules
        if language is None or language in r.languages
    ]
    rows += [
        {"id": m.id, "name": m.name, "severity": m.default_severity.value, "cwe": m.cwe,
         "languages": ["all"], "source": "built-in"}
        for m in others
    ]
    return sorted(rows, key=lambda r: r["id"])


def _list(query_rules: tuple[Rule, ...], language: str | None, fmt: str, stdout: Console,
          others: tuple[RuleMeta, ...] | None = None) -> int:
    rows = _rows(query_rules, _other_rules(None) if others is None else others, language)
    if fmt == "json":
        stdout.print_json(json.dumps(rows))
        return EXIT_OK
    table = Table(title=f"{len(rows)} rules")
    for column in ("id", "severity", "cwe", "languages"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["id"], row["severity"], row["cwe"] or "", ", ".join(row["languages"]))
    stdout.print(table)
    return EXIT_OK


def _show(rule_id: str, query_rules: tuple[Rule, ...], stdout: Console,
          others: tuple[RuleMeta, ...] | None = None) -> int:
    rule = next((r for r in query_rules if r.id == rule_id), None)
    if rule is not None:
        stdout.print(f"[bold]{escape(rule.id)}[/] ({escape(rule.name)})", highlight=False)
        for label, value in (
            ("severity", f"{rule.severity.value}, confidence {rule.confidence}"),
            ("cwe", rule.cwe or "-"),
            ("languages", ", ".join(rule.languages)),
            ("message", rule.message),
            ("description", rule.description),
            ("help", rule.help),
            ("references", ", ".join(rule.references)),
            ("fix", _fix_text(rule)),
            ("file", rule.source),
        ):
            stdout.print(f"  {label:12} {value}", highlight=False, soft_wrap=True, markup=False)
        for number, query in enumerate(rule.queries, start=1):
            stdout.print(f"  query {number}:", highlight=False)
            stdout.print(query.rstrip(), highlight=False, markup=False)
        return EXIT_OK
    others = _other_rules(None) if others is None else others
    meta = next((m for m in others if m.id == rule_id), None)
    if meta is None:
        from shoal.rules.registry import unknown_ids_message

        known = [r.id for r in query_rules] + [m.id for m in others]
        raise ShoalError(unknown_ids_message("no rule", [rule_id], known))
    stdout.print(f"[bold]{escape(meta.id)}[/] ({escape(meta.name)})", highlight=False)
    stdout.print(f"  severity     {meta.default_severity.value}\n  cwe          {meta.cwe or '-'}\n"
                 f"  description  {meta.description}\n  help         {meta.help}", highlight=False, markup=False)
    return EXIT_OK


def _fix_text(rule: Rule) -> str:
    """What the rule's fix replaces and with what, as its YAML says it."""
    fix = rule.fix
    if fix is None:
        return "-"
    where = f"@{fix.capture}" + (f" (the first match of /{fix.regex.pattern}/ in it)" if fix.regex is not None else "")
    return f'{where} becomes "{fix.replace}"' + (f": {fix.description}" if fix.description else "")


def _test(folder: Path, stdout: Console) -> int:
    if not folder.is_dir():
        raise ShoalError(f"{folder} is not a folder of rules")
    from shoal.rules.samples import check_folder

    reports = check_folder(folder)
    if not reports:
        raise ShoalError(f"{folder} holds no rule files (*.yaml)")
    for report in reports:
        verdict = "[green]PASS[/]" if report.passed else "[red]FAIL[/]"
        stdout.print(f"{verdict} {report.rule.id}  ({report.positives} ruleid, {report.negatives} ok)", highlight=False)
        for problem in report.problems:
            stdout.print(f"     {problem}", highlight=False, markup=False, soft_wrap=True)
    failed = sum(not r.passed for r in reports)
    stdout.print(f"{len(reports) - failed} of {len(reports)} rules pass their samples", highlight=False)
    return EXIT_FAILED if failed else EXIT_OK
