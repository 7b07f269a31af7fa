"""The rule engine: rules as data (YAML packs), one fast scan, context guards.

>>> from workbench.rules import load_builtin_rules, Engine
>>> engine = Engine(load_builtin_rules())
>>> findings = engine.check(document)

``load_builtin_rules`` reads the packs through the compiled cache
(``workbench.rules.compiled``); the YAML loader's own names are imported only
when asked for, so a start with a fresh cache never imports PyYAML. ``Engine``
too is imported when first named: importing ``workbench.rules.model`` (the
window does, at start) would otherwise import the engine and every check.
"""

from workbench.rules.compiled import load_builtin_rules
from workbench.rules.model import CATEGORIES, REVIEWS, SEVERITIES, Basis, Finding, Rule

__all__ = [
    "Engine", "Finding", "Rule", "Basis", "REVIEWS", "SEVERITIES", "CATEGORIES",
    "load_builtin_rules", "load_rule_dir", "load_rule_file", "builtin_rules_root",
]

_LOADER_NAMES = ("builtin_rules_root", "load_rule_dir", "load_rule_file")


def __getattr__(name: str):
    if name == "Engine":
        from workbench.rules.engine import Engine

        return Engine
    if name in _LOADER_NAMES:
        from workbench.rules import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
