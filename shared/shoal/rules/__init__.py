"""Security rules as YAML data: the registry that loads and checks them, the engine that runs them
over parsed trees in one query pass per language, and the sample checker that tests them."""

from __future__ import annotations

from shoal.rules.engine import RuleEngine
from shoal.rules.registry import Rule, RuleError, RuleSet, builtin_rules, load_rule_file, load_rules

__all__ = ["Rule", "RuleEngine", "RuleError", "RuleSet", "builtin_rules", "load_rule_file", "load_rules"]
