"""The library of published fair-competition cases, and how close a clause comes to one.

Inspection notices publish the clauses they found in breach; the workbench
ships them (``rules/cases/fair_competition.jsonl``, built by
``scripts/build_case_library.py``) so that a reviewer sees, beside a finding,
the closest published case and the notice that published it, and so that a
clause no frame flags but that reads like a published violation is not
passed over in silence.

Similarity is the cosine of character-bigram TF-IDF vectors over the Chinese
characters of the two texts: bigrams carry most of the meaning of Chinese
policy wording (经营权、拍卖、标的), need no word segmentation, and an
inverted index keeps a lookup proportional to the bigrams of the clause.
Bigrams that most cases share (企业、公司) weigh little through the IDF.
The threshold for a warning is chosen on the development sets measured
leave-one-notice-out (``workbench eval``); see ``RESEMBLANCE_THRESHOLD``.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter, defaultdict
from itertools import chain, repeat
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_TAIL = operator.itemgetter(slice(1, None))
# Chosen on shared/eval (cases.jsonl + cases_2.jsonl), leave-one-notice-out:
# the lowest cosine at which a nearest case from another notice still has the
# clause's category for nearly every clause, while clean look-alikes and the
# statute texts stay below it. ``workbench eval`` prints the sweep.
RESEMBLANCE_THRESHOLD = 0.33
# A clause shorter than this (in Chinese characters) is too little to compare.
MIN_CHARS = 8
UNKNOWN_BIGRAM_WEIGHT = 2.0
# Only a case sharing at least one bigram this rare (in at most this many
# cases) can come close: candidates are found through these, so that a
# sentence sharing none — most sentences of a draft — costs a few lookups.
RARE_DF = 12
MIN_SHARED_RARE = 2
# A warning needs more: a clause that shares one topic word pair with a case
# (农民专业合作社) is not the same breach.
WARNING_SHARED_RARE = 4
MAX_CANDIDATES = 8


@dataclass(frozen=True)
class PublishedCase:
    id: str
    clause: str
    category: str
    case_title: str
    notice: str
    notice_issuer: str
    notice_date: str

    def citation(self) -> str:
        """How a reviewer is told where the case comes from."""
        issuer = f"{self.notice_issuer}" if self.notice_issuer else ""
        date = f"，{self.notice_date}" if self.notice_date else ""
        return f"{issuer}《{self.notice}》{date}"


@dataclass(frozen=True)
class Resemblance:
    case: PublishedCase
    score: float

    def to_json(self) -> dict:
        return {"id": self.case.id, "clause": self.case.clause, "category": self.case.category,
                "case_title": self.case.case_title, "notice": self.case.citation(), "score": round(self.score, 3)}

    def describe(self) -> str:
        return f"类似的已通报案例：“{self.case.clause[:60]}{'…' if len(self.case.clause) > 60 else ''}”（{self.case.citation()}；相似度 {self.score:.2f}）"


def bigrams(text: str) -> Counter:
    runs = _HAN_RUN.findall(text)
    # C-level pairs of neighbours in each run, counted in one pass (keys in the order met).
    return Counter(chain.from_iterable(map(map, repeat(operator.add), runs, map(_TAIL, runs))))


class CaseLibrary:
    """Published cases with an inverted bigram index for nearest-case lookups."""

    def __init__(self, cases: list[PublishedCase]):
        self.cases = list(cases)
        vectors = [bigrams(c.clause) for c in self.cases]
        df: dict[str, int] = defaultdict(int)
        for v in vectors:
            for g in v:
                df[g] += 1
        n = max(1, len(self.cases))
        self._idf = {g: math.log((n + 1) / (d + 0.5)) for g, d in df.items()}
        rare: dict[str, list[int]] = defaultdict(list)
        self._unit: list[dict[str, float]] = []  # each case's TF-IDF vector, of length 1
        for i, v in enumerate(vectors):
            weights = {g: (1 + math.log(tf)) * self._idf[g] for g, tf in v.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            self._unit.append({g: w / norm for g, w in weights.items()})
            for g in weights:
                if df[g] <= RARE_DF:
                    rare[g].append(i)
        self._rare = dict(rare)  # a plain dict: ``g in`` must not add keys

    def nearest(self, text: str, exclude_notice: str | None = None, category: str | None = None, min_shared: int = 0) -> Resemblance | None:
        """The closest case to ``text``, or None; optionally not from one notice,
        or only of one category (the finding's own)."""
        v = bigrams(text)
        if sum(v.values()) < MIN_CHARS - 1:
            return None
        rare = self._rare
        lists = [rare[g] for g in v if g in rare]
        # A case sharing a single rare bigram cannot come close; most sentences
        # of a draft share none or one, and cost only these lookups.
        least = max(min_shared, MIN_SHARED_RARE)
        if len(lists) < least:  # no case can share ``least`` of them
            return None
        # Counted in C, in the order the loop over the clause's bigrams would meet the cases.
        shared = Counter(chain.from_iterable(lists))
        candidates = [i for i, k in shared.items() if k >= least]
        if not candidates:
            return None
        if len(candidates) > MAX_CANDIDATES:  # the cases sharing the most rare bigrams
            candidates = sorted(candidates, key=lambda i: -shared[i])[:MAX_CANDIDATES]
        idf = self._idf
        # (1 + log 1) * w is w itself: the logarithm only where a bigram recurs.
        weights = {g: (idf[g] if tf == 1 else (1 + math.log(tf)) * idf[g]) for g, tf in v.items() if g in idf}
        best, best_score = None, 0.0
        for i in candidates:
            if exclude_notice is not None and self.cases[i].notice == exclude_notice:
                continue
            if category is not None and self.cases[i].category != category:
                continue
            unit = self._unit[i]
            # In the clause's own bigram order, not a set's: a set's order follows the string
            # hash, which changes from run to run, and so would the last digits of the sum.
            s = sum(weights[g] * unit[g] for g in weights if g in unit)
            if s > best_score:
                best, best_score = i, s
        if best is None:
            return None
        # The query's norm counts every bigram, known or not: a bigram no case has
        # counts at a middling weight, so a long clause that shares a few bigrams
        # with a case is not close to it.
        unknown = UNKNOWN_BIGRAM_WEIGHT
        norm = math.sqrt(sum(w * w for w in weights.values()) + unknown * unknown * sum(tf for g, tf in v.items() if g not in idf))
        return Resemblance(self.cases[best], best_score / norm)


def attach_related_cases(findings, library: "CaseLibrary | None" = None) -> None:
    """Give every fair-competition finding its closest published case (of its
    own category where one is close), from the passage it stands in."""
    for f in findings:
        if f.review != "fair_competition" or f.related_case is not None or not f.excerpt:
            continue
        library = library or builtin_case_library()  # not loaded for a draft with no such finding
        found = library.nearest(f.excerpt, category=f.category) or library.nearest(f.excerpt)
        f.related_case = found.to_json() if found else None


def load_cases(text: str) -> list[PublishedCase]:
    out = []
    for line in text.splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(PublishedCase(d["id"], d["clause"], d["category"], d.get("case_title", ""),
                                     d.get("notice", ""), d.get("notice_issuer", ""), d.get("notice_date", "")))
    return out


@lru_cache(maxsize=1)
def builtin_case_library() -> CaseLibrary:
    """The shipped cases with their index, from the compiled cache (``workbench.compiled_cache``)
    unless the case file or the program changed: building the index is ~30 ms of a start."""
    from workbench.compiled_cache import load_or_build

    entry = resources.files("workbench.rulepacks") / "cases" / "fair_competition.jsonl"
    return load_or_build("cases", [entry], lambda: CaseLibrary(load_cases(entry.read_text(encoding="utf-8"))),
                         ("workbench.rules.caselib",))
