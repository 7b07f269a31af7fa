"""The law registry as plain data: laws, their status over time, article
mappings (an old article → the 法典 article that replaces it) and fine ranges.

Loaded from ``rules/registry/*.yaml`` (installed as ``workbench.rulepacks``)
and the user's overlay by ``workbench.laws.data``; no I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Levels of legal effect, from the top. ``normative`` = 行政规范性文件 and other
# documents (国办发 opinions …); ``local`` = local regulations and rules.
LEVELS = ("constitution", "law", "regulation", "rule", "local", "normative")
LEVEL_LABELS = {
    "constitution": "宪法", "law": "法律", "regulation": "行政法规", "rule": "部门规章",
    "local": "地方性法规、规章", "normative": "规范性文件",
}
EVENTS = ("amended", "repealed")


@dataclass(frozen=True)
class StatusEvent:
    event: str  # amended | repealed
    on: date | None  # the day it took effect (None: date not known)
    by: str = ""  # the amending or repealing instrument (its full title)
    article: str = ""  # the clause that did it, e.g. 第一千二百四十二条
    note: str = ""  # shown to the user (e.g. 从旧兼从轻 for 法典 repeals)
    source: str = ""


@dataclass(frozen=True)
class Version:
    published: date | None
    in_force: date | None
    articles: int | None
    source: str = ""

    @property
    def start(self) -> date | None:
        return self.in_force or self.published


@dataclass
class LawEntry:
    title: str  # full title, e.g. 中华人民共和国大气污染防治法
    level: str
    short: list[str] = field(default_factory=list)  # names people write: 大气法, 环评法 …
    promulgated: date | None = None  # first promulgation (or of the version the texts hold)
    in_force: date | None = None  # the day the law (not an amendment) first took effect
    articles: int | None = None  # number of articles of the current text (None: unknown)
    versions: list[Version] = field(default_factory=list)
    status: list[StatusEvent] = field(default_factory=list)
    source: str = ""

    def repeal(self, as_of: date | None = None) -> StatusEvent | None:
        """The repeal in effect on ``as_of`` (any repeal if None)."""
        for ev in self.status:
            if ev.event == "repealed" and (as_of is None or ev.on is None or ev.on <= as_of):
                return ev
        return None

    def article_count(self, as_of: date | None) -> int | None:
        """How many articles the text in force on ``as_of`` has, when known.

        With versions, the latest version in force on ``as_of``; before the
        first known version, unknown (an older text may have had more).
        """
        dated = sorted((v for v in self.versions if v.start and v.articles), key=lambda v: v.start)
        if dated:
            if as_of is None:
                return dated[-1].articles
            current = [v for v in dated if v.start <= as_of]
            return current[-1].articles if current else None
        if self.articles and (as_of is None or self.in_force is None or self.in_force <= as_of):
            return self.articles
        return None


@dataclass(frozen=True)
class ArticleMapping:
    """An article of a repealed law and the article that now governs the matter."""

    law: str  # full title of the old law
    article: int
    items: tuple[int, ...]  # 项 of the old article this row covers; () = the whole article
    to_law: str
    to_article: str  # as cited, e.g. 第一千一百零七条 or 第一千零八十六条第一款第（一）项
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class FineRange:
    """One fine range an article sets (one tier: base, 情节严重, 拒不改正 …)."""

    law: str
    article: int
    paragraph: int | None  # 款 the range belongs to (its items are that 款's items)
    items: tuple[int, ...]  # () = every item of that 款
    min: int  # yuan; 0 for 处X元以下
    max: int | None  # None for a per-unit fine
    per_unit: int | None = None  # 每辆（艘）五千元: amount per unit
    when: str | None = None  # condition keyword (情节严重, 拒不改正 …); None = base tier
    relative: bool = False  # the 款 also sets a relative fine (倍, 百分之, 处置费用…): not checkable
    source: str = ""


@dataclass(frozen=True)
class ArticleShape:
    """How an article of one text is divided: the 项 each 款 holds."""

    law: str
    version: date | None  # start of the text it was read from; None: the registry's only text
    article: int
    paragraphs: tuple[int, ...]  # number of 项 in each 款 (0: none)
    item_texts: tuple[tuple[str, ...], ...] = ()  # opening words of each 项, per 款 (where kept)
    source: str = ""

    def has_paragraph(self, paragraph: int) -> bool:
        return 1 <= paragraph <= len(self.paragraphs)

    def has_item(self, item: int, paragraph: int | None = None) -> bool:
        """第X条第Y项 without a 款 reads the 项 of any 款 (usually the first)."""
        if paragraph is not None:
            return self.has_paragraph(paragraph) and item <= self.paragraphs[paragraph - 1]
        return any(item <= n for n in self.paragraphs)

    def item_text(self, item: int, paragraph: int | None = None) -> str:
        for k, texts in enumerate(self.item_texts, 1):
            if (paragraph is None or paragraph == k) and 1 <= item <= len(texts):
                return texts[item - 1]
        return ""


@dataclass(frozen=True)
class Renumbering:
    """Where an article (and its 项) of an older text stands in a later one."""

    law: str
    from_version: date
    to_version: date
    article: int
    to_article: int
    items: tuple[tuple[int, int, int, int, int], ...] = ()  # (old 款, old 项, new article, new 款, new 项)
    source: str = ""

    def item(self, item: int, paragraph: int | None = None) -> tuple[int, int, int] | None:
        """(new article, 款, 项) of an old 项."""
        for p, k, a, np_, nk in self.items:
            if k == item and (paragraph is None or p == paragraph):
                return a, np_, nk
        return None
