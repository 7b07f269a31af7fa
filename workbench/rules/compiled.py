"""The built-in rule packs through the compiled cache (``workbench.compiled_cache``).

``load_builtin_rules(packs)`` is what the program calls; the YAML packs are
parsed by ``workbench.rules.loader`` (imported only then) when a pack file or
the program changed since the cache was written, and read back from the cache
otherwise. Every file under a pack's folder is part of the key, so a file the
loader reads, or one added or removed, makes the cache stale; so does an edit of
lexicon.yaml, whose word lists the loader copies into the anchors.
"""

from __future__ import annotations

from importlib import resources

from workbench.compiled_cache import files_under, load_or_build
from workbench.rules.model import REVIEWS, Rule, RuleSet

# Where the objects of a list of rules are defined: the cache's allow-list and part of its key.
RULE_MODULES = ("workbench.rules.model",)
RULEPACKS_PACKAGE = "workbench.rulepacks"


def _sources(packs: tuple[str, ...]) -> list:
    """The files a set of packs is parsed from: the packs' folders, and the lexicon, which the loader
    reads to expand anchors such as {private_record} into words (an edit of lexicon.yaml alone must
    not leave the anchors of the old word lists in the cache)."""
    root = resources.files(RULEPACKS_PACKAGE)
    return files_under([root / p for p in packs]) + [root / "lexicon.yaml"]


def load_builtin_rules(packs: tuple[str, ...] = REVIEWS) -> list[Rule]:
    """The rules of the built-in ``packs``, as ``workbench.rules.loader.load_builtin_rules`` reads them."""
    packs = tuple(packs)

    def parse():
        from workbench.rules import loader

        return loader.load_builtin_rules(packs)

    return load_or_build("rules", _sources(packs), parse, RULE_MODULES, extra=list(packs))


def load_builtin_packs(packs: tuple[str, ...] = REVIEWS) -> RuleSet:
    """``workbench.rules.loader.load_builtin_packs`` through the cache: the packs that loaded, and
    those that did not. A set with a broken pack is not kept: it is read anew until the file is fixed."""
    packs = tuple(packs)

    def parse():
        from workbench.rules import loader

        return loader.load_builtin_packs(packs)

    return load_or_build("packs", _sources(packs), parse, RULE_MODULES, extra=list(packs), keep=lambda value: not value.broken)
