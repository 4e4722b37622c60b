"""What a scan checks beyond metrics, as configured: the rule set, secrets, and the policy
(disabled rules, severity overrides) applied to every finding, whatever produced it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from shoal.errors import InputError
from shoal.findings import METRIC_RULES, rule_catalog
from shoal.models import Finding, RuleMeta, Severity
from shoal.repoconfig import RepoConfig
from shoal.suppressions import BARE_IGNORE

# The rule engine, its registry (YAML, re2) and the secret detectors are imported where a
# security scan uses them: a metrics-only scan's orchestrator never needs them (40 ms of imports).
if TYPE_CHECKING:
    from shoal.rules.engine import RuleEngine
    from shoal.rules.registry import RuleSet
    from shoal.secrets.model import Detector
    from shoal.secrets.scanner import SecretEngine


def ruleset_for(src_root: Path, repo: RepoConfig) -> RuleSet:
    """Built-in rules plus the repository's own, minus what its config disables."""
    from shoal.rules.registry import RuleSet, builtin_rules, load_rules

    rules = builtin_rules()
    if repo.rules_folder:
        rules = rules + load_rules(src_root / repo.rules_folder, relative_to=src_root)
    full = RuleSet(rules)
    # The repository's own secret detectors are checked here too: a broken one fails the plan.
    _check_known(repo, {r.id for r in full.rules} | {m.id for m in user_secret_rules(src_root, repo)})
    query_ids = {r.id for r in full.rules}
    return full.configured(
        disable=[i for i in repo.disable if i in query_ids],
        severity={i: s for i, s in repo.severity if i in query_ids},
    )


def _check_known(repo: RepoConfig, query_ids: set[str]) -> None:
    known = query_ids | {m.id for m in other_rules()}
    named = set(repo.disable) | {i for i, _ in repo.severity}
    unknown = sorted(named - known)
    if unknown:
        from shoal.rules.registry import unknown_ids_message

        raise InputError(unknown_ids_message(".shoal.toml names unknown rule id(s)", unknown, known))


def check_rule_ids(src_root: Path, repo: RepoConfig, ids: Iterable[str], what: str) -> None:
    """Refuse rule ids that no rule has (built-in, the repository's own, metrics or secrets),
    naming the nearest real id of each near miss."""
    from shoal.rules.registry import builtin_rules, load_rules, unknown_ids_message

    rules = builtin_rules()
    if repo.rules_folder:
        rules = rules + load_rules(src_root / repo.rules_folder, relative_to=src_root)
    known = {r.id for r in rules} | {m.id for m in other_rules()} | {m.id for m in user_secret_rules(src_root, repo)}
    unknown = sorted(set(ids) - known)
    if unknown:
        raise InputError(unknown_ids_message(what, unknown, known))


def other_rules() -> tuple[RuleMeta, ...]:
    """Rules that are not tree-sitter queries: metrics, secrets, suppression notes."""
    from shoal.secrets import SECRET_RULES

    return (*(m.meta for m in METRIC_RULES), *SECRET_RULES, BARE_IGNORE)


def catalog(ruleset: RuleSet | None, user_secrets: Iterable[RuleMeta] = ()) -> tuple[RuleMeta, ...]:
    """Every rule a scan with this configuration can report, sorted by id."""
    if ruleset is None:
        return rule_catalog()
    reported = (*other_rules(), *user_secrets, *(r.meta for r in ruleset.rules if r.reports))
    return tuple(sorted(reported, key=lambda m: m.id))


def user_secret_detectors(src_root: Path, repo: RepoConfig) -> tuple[Detector, ...]:
    """The secret detectors of the repository's rules folder (files with a `detectors:` list)."""
    if not repo.rules_folder:
        return ()
    return _cached_user_detectors(str(src_root), repo.rules_folder, _rules_digest(src_root, repo))


def user_secret_rules(src_root: Path, repo: RepoConfig) -> tuple[RuleMeta, ...]:
    return tuple(detector.meta for detector in user_secret_detectors(src_root, repo))


@lru_cache(maxsize=8)
def _cached_user_detectors(src_root: str, folder: str, _digest: str) -> tuple[Detector, ...]:
    from shoal.rules.registry import RuleError
    from shoal.secrets.catalog import user_detectors

    path = Path(src_root) / folder
    if not path.is_dir():
        raise RuleError(f"{folder}: no such rules folder (.shoal.toml's rules.folder names it)")
    return user_detectors(path, relative_to=Path(src_root))


def secret_engine_for(src_root: str, repo: RepoConfig) -> SecretEngine:
    """The engine of the built-in detectors, plus the repository's own when it has some (one per
    configuration and process, like the rules' engine)."""
    return _cached_secret_engine(src_root, repo, _rules_digest(Path(src_root), repo))


@lru_cache(maxsize=8)
def _cached_secret_engine(src_root: str, repo: RepoConfig, _digest: str) -> SecretEngine:
    from shoal.secrets.scanner import engine_with

    return engine_with(user_secret_detectors(Path(src_root), repo))


@dataclass(frozen=True)
class FindingPolicy:
    disabled: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_repo(cls, repo: RepoConfig) -> FindingPolicy:
        return cls(frozenset(repo.disable), repo.severity)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        overrides = dict(self.severity)
        kept = []
        for finding in findings:
            if finding.rule_id in self.disabled:
                continue
            if finding.rule_id in overrides:
                finding = replace(finding, severity=Severity(overrides[finding.rule_id]))
            kept.append(finding)
        return kept


def engine_for(src_root: str, repo: RepoConfig) -> RuleEngine:
    """One engine per configuration and process: compiled queries are reused across partitions.

    The user rules' content is part of the key: a warm Lambda container may scan the same scan
    folder again after the repository changed its rules.
    """
    return _cached_engine(src_root, repo, _rules_digest(Path(src_root), repo))


@lru_cache(maxsize=8)
def _cached_engine(src_root: str, repo: RepoConfig, _digest: str) -> RuleEngine:
    from shoal.rules.engine import RuleEngine

    return RuleEngine(ruleset_for(Path(src_root), repo))


def _rules_digest(src_root: Path, repo: RepoConfig) -> str:
    if not repo.rules_folder or not (src_root / repo.rules_folder).is_dir():
        return ""
    from shoal.rules.registry import rule_files

    digest = hashlib.sha256()
    for path in rule_files(src_root / repo.rules_folder, src_root):  # bounded: refused past the limits
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
