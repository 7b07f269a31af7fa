"""The law registry: which laws exist, when they took effect, what repealed them,
how many articles they have, which 法典 article replaced an old one, and the fine
ranges of liability articles. No Qt, no network.

Public API::

    from workbench.laws import default_registry, find_citations, find_fines

    reg = default_registry()                 # shipped data + the user's overlay, cached
    entry = reg.lookup("《环评法》")          # LawEntry or None (full title, without 中华人民共和国, short name)
    reg.nearest("大气污染防止法")             # (LawEntry, score) or None — rapidfuzz, same kind of instrument
    v = reg.verdict("大气污染防治法", as_of)  # Verdict(state=in_force|repealed|amended|not_yet_in_force|unknown, entry, event, suggestion)
    entry.article_count(as_of)               # articles of the text in force then (None: unknown)
    reg.replacement(entry, 99, item=2)       # [ArticleMapping → 法典第一千一百零七条]
    reg.fine_ranges(entry, 99)               # [FineRange(min, max, when, per_unit, …)]
    find_citations(normalised_text)          # (Citation(title, refs=(ArticleRef(article, paragraph, item), …)), …)
    find_fines(normalised_text)              # (FineAmount(start, end, amount), …)

The data live in ``rules/registry/*.yaml`` (format: ``workbench.laws.data``).
"""

from workbench.laws.citations import ArticleRef, Citation, find_citations
from workbench.laws.fines import FineAmount, find_fines
from workbench.laws.model import ArticleMapping, FineRange, LawEntry, StatusEvent, Version
from workbench.laws.registry import Registry, Verdict, default_registry, reset_default_registry, title_key
from workbench.laws.sources import OVERLAY_NAME

__all__ = [
    "ArticleMapping", "ArticleRef", "Citation", "FineAmount", "FineRange", "LawEntry", "OVERLAY_NAME", "Registry",
    "StatusEvent", "Verdict", "Version", "default_registry", "find_citations", "find_fines", "load_registry_data",
    "reset_default_registry", "title_key",
]


def __getattr__(name: str):
    # The YAML reader only when asked for: default_registry() reads the compiled cache.
    if name == "load_registry_data":
        from workbench.laws.data import load_registry_data

        return load_registry_data
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
