"""Look laws up by the names drafts write, and judge a citation as of a date.

``Registry.lookup(title)`` finds an entry by its full title, the title without
中华人民共和国, or a short name (《环评法》), in a dict keyed by the normalised
name; ``nearest(title)`` is the rapidfuzz fallback for a title not found
(是否指《…》). ``verdict(citation, as_of)`` says whether the cited law was in
force, repealed, amended or not yet in force on that day.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.laws.model import ArticleMapping, ArticleShape, FineRange, LawEntry, Renumbering, StatusEvent
from workbench.text.normalize import normalize_term
from workbench.text.numbers import to_int

if TYPE_CHECKING:
    from workbench.laws.data import RegistryData

PRC = "中华人民共和国"
# A version note written inside or after the title: （2018年修正） (2017修订) （2021年修订版）
VERSION_RE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*(?:修正|修订|修改|版|修正本|修订本|修订版|修正版)?[^）)]{0,4}[）)]$")
# What kind of instrument a title names (its last word); a near match must be of the same kind.
_KIND_RE = re.compile(r"(法典|实施细则|实施条例|实施办法|条例|办法|规定|细则|规则|决定|意见|通知|法)(?:[（(][^）)]*[）)])?$")
FUZZY_CUTOFF = 80.0


# A document number after the title (《…意见》（国办发〔2018〕115号）) says which document,
# not which title: it is no part of the key.
DOCUMENT_NUMBER_RE = re.compile(r"[（(][^（）()]{0,12}?(?:〔\d{4}〕|\[\d{4}\]|第)[^（）()]{0,8}?号[）)]$")


def _bare_title(title: str) -> str:
    """A cited title normalised, without a document number after it, 《》 or spaces."""
    return DOCUMENT_NUMBER_RE.sub("", normalize_term(title).strip()).strip("《》").replace(" ", "")


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """The dict key of a title: normalised, no 《》, spaces, version note or 中华人民共和国."""
    t = VERSION_RE.sub("", _bare_title(title))
    if t.startswith(PRC) and len(t) > len(PRC):
        t = t[len(PRC):]
    return t


@lru_cache(maxsize=65536)  # as title_key: a draft cites the same titles again and again, each normalised once
def cited_version_year(title: str) -> int | None:
    m = VERSION_RE.search(_bare_title(title))
    return int(m.group(1)) if m else None


def title_kind(title: str) -> str:
    m = _KIND_RE.search(title)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class Verdict:
    state: str  # in_force | repealed | amended | not_yet_in_force | unknown
    entry: LawEntry | None = None
    event: StatusEvent | None = None  # the repeal or amendment
    suggestion: str = ""  # unknown: the nearest title
    score: float = 0.0


class Registry:
    def __init__(self, data: RegistryData):
        self.data = data
        self.entries: dict[str, LawEntry] = {}  # title key → entry
        self._names: dict[str, str] = {}  # any name's key → title key
        ambiguous: set[str] = set()
        for entry in data.laws.values():
            key = title_key(entry.title)
            self.entries[key] = entry
            self._names[key] = key
        for entry in data.laws.values():
            key = title_key(entry.title)
            for name in entry.short:
                nk = title_key(name)
                if nk in self.entries and nk != key:
                    continue  # a full title always wins over someone's short name
                if nk in self._names and self._names[nk] != key:
                    ambiguous.add(nk)
                self._names[nk] = key
        for nk in ambiguous:
            del self._names[nk]
        self._choices = list(self.entries)
        self.mappings: dict[tuple[str, int], list[ArticleMapping]] = defaultdict(list)
        for m in data.mappings:
            self.mappings[(title_key(m.law), m.article)].append(m)
        self.fines: dict[tuple[str, int], list[FineRange]] = defaultdict(list)
        for f in data.fines:
            self.fines[(title_key(f.law), f.article)].append(f)
        self.shapes: dict[tuple[str, int], list[ArticleShape]] = defaultdict(list)
        for a in data.articles:
            self.shapes[(title_key(a.law), a.article)].append(a)
        self.text_versions: dict[str, list[date]] = defaultdict(list)  # law key → starts of the texts with shapes
        for (key, _), rows in self.shapes.items():
            rows.sort(key=lambda a: a.version or date.min)
            for a in rows:
                if a.version and a.version not in self.text_versions[key]:
                    self.text_versions[key].append(a.version)
        for versions in self.text_versions.values():
            versions.sort()
        self.renumbered: dict[tuple[str, date, int], Renumbering] = {}
        for n in data.renumbered:
            self.renumbered[(title_key(n.law), n.from_version, n.article)] = n

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, title: str) -> LawEntry | None:
        key = self._names.get(title_key(title))
        return self.entries[key] if key else None

    def nearest(self, title: str, cutoff: float = FUZZY_CUTOFF) -> tuple[LawEntry, float] | None:
        """The registered law whose name is closest to ``title`` (same kind: 法/条例/办法 …)."""
        from rapidfuzz import fuzz, process  # only for a title not found: its import is ~20 ms of a start

        key = title_key(title)
        kind = title_kind(key)
        if not kind:
            return None
        best = None
        for choice, score, _ in process.extract(key, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
            if title_kind(choice) == kind and (best is None or score > best[1]):
                best = (self.entries[choice], score)
        return best

    def replacement(self, entry: LawEntry, article: int, item: int | None = None) -> list[ArticleMapping]:
        rows = self.mappings.get((title_key(entry.title), article), [])
        if item is not None:
            exact = [m for m in rows if item in m.items]
            if exact:
                return exact
        whole = [m for m in rows if not m.items]
        return whole or (rows if item is None else [])

    def text_version(self, entry: LawEntry, as_of: date | None = None, year: int | None = None) -> date | None:
        """Start of the text whose numbering a citation uses: the version it names
        (《…（2017年修正）》: the last text published by that year), else the one in force on ``as_of``."""
        starts = self.text_versions.get(title_key(entry.title), [])
        if year is not None:
            named = [v for v in starts if v.year <= year]
            return named[-1] if named else None
        current = [v for v in starts if as_of is None or v <= as_of]
        return current[-1] if current else None

    def shape(self, entry: LawEntry, article: int, as_of: date | None = None, version: date | None = None) -> ArticleShape | None:
        """The article's division in the text ``version`` (or the text in force on ``as_of``).

        A law whose rows carry no version has one text: it serves any date from
        the law's taking effect on.
        """
        rows = self.shapes.get((title_key(entry.title), article), [])
        if not rows:
            return None
        if version is not None:
            return next((a for a in rows if a.version == version), None)
        dated = [a for a in rows if a.version and (as_of is None or a.version <= as_of)]
        if dated:
            return dated[-1]
        if any(a.version for a in rows):
            return None  # before the first text known
        undated = rows[-1]
        return undated if as_of is None or entry.in_force is None or entry.in_force <= as_of else None

    def renumbering(self, entry: LawEntry, from_version: date, article: int) -> Renumbering | None:
        return self.renumbered.get((title_key(entry.title), from_version, article))

    def fine_ranges(self, entry: LawEntry, article: int) -> list[FineRange]:
        return self.fines.get((title_key(entry.title), article), [])

    def verdict(self, title: str, as_of: date) -> Verdict:
        entry = self.lookup(title)
        if entry is None:
            near = self.nearest(title)
            if near:
                return Verdict("unknown", suggestion=near[0].title, score=near[1])
            return Verdict("unknown")
        repeal = entry.repeal(as_of)
        if repeal is not None:
            return Verdict("repealed", entry, repeal)
        if entry.in_force and as_of < entry.in_force:
            return Verdict("not_yet_in_force", entry)
        year = cited_version_year(title)
        if year is not None:
            later = self.amendments_after(entry, date(year, 12, 31), as_of)
            if later:
                return Verdict("amended", entry, later[-1])
        return Verdict("in_force", entry)

    @staticmethod
    def amendments_after(entry: LawEntry, after: date, as_of: date) -> list[StatusEvent]:
        """Amendments (status events or later versions) in force after ``after`` and by ``as_of``."""
        events = [e for e in entry.status if e.event == "amended" and e.on and after < e.on <= as_of]
        for v in entry.versions:
            start = v.start
            if start and after < start <= as_of and v.published and v.published > after:
                events.append(StatusEvent("amended", start, source=v.source))
        return sorted(events, key=lambda e: e.on)


_lock = threading.Lock()
_default: Registry | None = None


# Where the objects of a Registry are defined: the compiled cache's allow-list and part of its key.
REGISTRY_MODULES = ("workbench.laws.model", "workbench.laws.data", "workbench.laws.registry")


def default_registry() -> Registry:
    """The shipped registry plus the user's overlay, loaded once per process.

    Read from the compiled cache (``workbench.compiled_cache``) unless a shipped
    file or the overlay changed since it was written; then parsed anew.
    """
    global _default
    with _lock:
        if _default is None:
            _default = _load_default()
        return _default


def _load_default() -> Registry:
    from workbench.compiled_cache import files_under, load_or_build
    from workbench.laws.sources import default_overlay_path, shipped_registry_root

    def parse() -> Registry:
        from workbench.laws.data import load_registry_data

        return Registry(load_registry_data())

    sources = files_under([shipped_registry_root()]) + [default_overlay_path()]
    return load_or_build("registry", sources, parse, REGISTRY_MODULES)


def reset_default_registry() -> None:
    """Forget the loaded registry (after the overlay changed; tests)."""
    global _default
    with _lock:
        _default = None


def article_number(text: str) -> int | None:
    return to_int(text)
