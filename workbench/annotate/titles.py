"""Which law titles in a draft can be corrected with certainty, and to what.

A title is a certain, textual fix when the law registry records that the cited
law was repealed by a successor that is itself a registered law in force
(《中华人民共和国大气污染防治法》 → 《中华人民共和国生态环境法典》, 第一千二百四十二条). The
fix replaces only the words inside 《》. Article numbers are never rewritten:
numbering changes between versions, so the successor article that the
registry maps is only named, for the drafter to choose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.intake import Document
from workbench.laws.citations import Citation, find_citations
from workbench.laws.model import LawEntry
from workbench.laws.registry import Registry, title_kind

CHAIN_LIMIT = 5  # successor of a successor …: a registry loop must not hang the export


@dataclass(frozen=True)
class TitleFix:
    start: int  # offsets in Document.text of the words inside 《》
    end: int
    old: str  # as written
    new: str  # the successor's full title
    successor_articles: tuple[str, ...]  # e.g. "第九十九条第（二）项 → 第一千一百零七条"


def successor(registry: Registry, entry: LawEntry, as_of: date) -> LawEntry | None:
    """The registered law in force on ``as_of`` that replaced ``entry``, following a chain of repeals."""
    current = entry
    for _ in range(CHAIN_LIMIT):
        repeal = current.repeal(None)
        if repeal is None or not repeal.by:
            return current if current is not entry else None
        nxt = registry.lookup(repeal.by)
        # A 决定 repeals without replacing: nothing to put in the title's place.
        if nxt is None or nxt is current or title_kind(nxt.title) == "决定":
            return None
        if nxt.repeal(as_of) is None and (nxt.in_force is None or nxt.in_force <= as_of):
            return nxt
        current = nxt
    return None


def citation_at(doc: Document, start: int) -> Citation | None:
    """The citation (in normalised offsets) whose 《 stands at ``start`` of the original text."""
    if "《" not in doc.text:
        return None
    norm = doc.norm
    at = norm.norm_offset(start)
    for c in find_citations(norm.text):
        if c.start == at:
            return c
        if c.start > at:
            break
    return None


def title_fix(doc: Document, start: int, registry: Registry, as_of: date) -> TitleFix | None:
    """The certain fix of the citation starting at ``start`` (its 《), or None."""
    c = citation_at(doc, start)
    if c is None:
        return None
    entry = registry.lookup(c.cited) or registry.lookup(c.title)
    if entry is None or entry.repeal(None) is None:
        return None
    new = successor(registry, entry, as_of)
    if new is None:
        return None
    a, _ = doc.norm.orig_span(c.start, c.start + 1)
    _, b = doc.norm.orig_span(c.title_end - 1, c.title_end)
    # Only where the original itself has 《…》 on one line: then the words between are the title.
    if doc.text[a] != "《" or doc.text[b - 1] != "》" or "\n" in doc.text[a:b]:
        return None
    old = doc.text[a + 1 : b - 1]
    if not old.strip() or old == new.title:
        return None
    articles = []
    for ref in c.refs:
        for m in registry.replacement(entry, ref.article, ref.item):
            law = "" if m.to_law == new.title else f"《{m.to_law}》"
            line = f"{ref.label()} → {law}{m.to_article}"
            if line not in articles:
                articles.append(line)
    return TitleFix(a + 1, b - 1, old, new.title, tuple(articles))
