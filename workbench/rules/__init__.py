"""The rule engine: rules as data (YAML packs), one fast scan, context guards.

>>> from workbench.rules import load_builtin_rules, Engine
>>> engine = Engine(load_builtin_rules())
>>> findings = engine.check(document)
"""

from workbench.rules.engine import Engine
from workbench.rules.loader import builtin_rules_root, load_builtin_rules, load_rule_dir, load_rule_file
from workbench.rules.model import CATEGORIES, REVIEWS, SEVERITIES, Basis, Finding, Rule

__all__ = [
    "Engine", "Finding", "Rule", "Basis", "REVIEWS", "SEVERITIES", "CATEGORIES",
    "load_builtin_rules", "load_rule_dir", "load_rule_file", "builtin_rules_root",
]
