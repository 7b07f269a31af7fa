"""The built-in rule packs through the compiled cache (``workbench.compiled_cache``).

``load_builtin_rules(packs)`` is what the program calls; the YAML packs are
parsed by ``workbench.rules.loader`` (imported only then) when a pack file or
the program changed since the cache was written, and read back from the cache
otherwise. Every file under a pack's folder is part of the key, so a file the
loader reads, or one added or removed, makes the cache stale.
"""

from __future__ import annotations

from importlib import resources

from workbench.compiled_cache import files_under, load_or_build
from workbench.rules.model import REVIEWS, Rule, RuleSet

# Where the objects of a list of rules are defined: the cache's allow-list and part of its key.
RULE_MODULES = ("workbench.rules.model",)
RULEPACKS_PACKAGE = "workbench.rulepacks"


def load_builtin_rules(packs: tuple[str, ...] = REVIEWS) -> list[Rule]:
    """The rules of the built-in ``packs``, as ``workbench.rules.loader.load_builtin_rules`` reads them."""
    packs = tuple(packs)

    def parse():
        from workbench.rules import loader

        return loader.load_builtin_rules(packs)

    root = resources.files(RULEPACKS_PACKAGE)
    return load_or_build("rules", files_under([root / p for p in packs]), parse, RULE_MODULES, extra=list(packs))


def load_builtin_packs(packs: tuple[str, ...] = REVIEWS) -> RuleSet:
    """``workbench.rules.loader.load_builtin_packs`` through the cache: the packs that loaded, and
    those that did not. A set with a broken pack is not kept: it is read anew until the file is fixed."""
    packs = tuple(packs)

    def parse():
        from workbench.rules import loader

        return loader.load_builtin_packs(packs)

    root = resources.files(RULEPACKS_PACKAGE)
    sources = files_under([root / p for p in packs])
    return load_or_build("packs", sources, parse, RULE_MODULES, extra=list(packs), keep=lambda value: not value.broken)
