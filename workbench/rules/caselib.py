"""The library of published fair-competition cases, and how close a clause comes to one.

Inspection notices publish the clauses they found in breach; the workbench
ships them (``rules/cases/fair_competition.jsonl``, built by
``scripts/build_case_library.py``) so that a reviewer sees, beside a finding,
the closest published case and the notice that published it, and so that a
clause no frame flags but that reads like a published violation is not
passed over in silence.

Similarity is the cosine of character-bigram TF-IDF vectors, clause to
clause. Bigrams carry most of the meaning of Chinese policy wording
(经营权、拍卖、标的) and need no word segmentation; these make the
bigrams of one breach meet those of the same breach in another notice:

- named operators and places are the tagger's placeholders
  (``EntityTagger.shadow``), so 某某燃气公司 and 县城投公司 count alike and a
  place name counts for nothing but being a place;
- numbers are one placeholder (5万元 and 200万元 read alike), and a clause
  that only sets the amount or ceiling of a benefit (单个项目补助最高不超过
  200万元) is left out on both sides: every subsidy, lawful or not, is
  written so, and no breach lies in it;
- a long published case is split at ；。！？ into its clauses, each compared
  on its own, so a clause is close to the one clause of a case it repeats,
  not diluted by the case's other clauses;
- the IDF counts the statutes' sentences (``statute_bigrams.txt``, built by
  ``scripts/build_case_library.py``) as well as the cases' clauses, so that
  the words every legal text uses (应当、按照、经营者) weigh little.

An inverted index of the rare bigrams keeps a lookup proportional to the
bigrams of the clause. The threshold for a warning is chosen on the
development sets measured leave-one-notice-out (``workbench eval``,
``bench/caselib_compare.py``); see ``RESEMBLANCE_THRESHOLD``.
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

# Chinese characters and the placeholders (named operator, place, number): the runs bigrams are taken from.
_HAN_RUN = re.compile(r"[\u4e00-\u9fff\ue000-\ue002]+")
_TAIL = operator.itemgetter(slice(1, None))
_PIECE_END = re.compile(r"[；;。！？\n]")
NUMBER = "\ue002"
# Arabic numbers, and Chinese numerals before a unit (五万元、三年、两家): one placeholder each.
_NUMBER_RE = re.compile(r"[0-9０-９][0-9０-９.,%％]*[万亿千]*|[一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾佰仟]+(?=[元万亿年个家倍层天日月项%％])")
_REPEATED_MARK = re.compile("([\ue000\ue001])\\1+")
# Chosen on shared/eval (cases.jsonl + cases_2.jsonl), leave-one-notice-out: the lowest cosine
# at which the lawful look-alikes (shared/eval's, bench/eval's fc_lookalikes_blind and the clean
# lines of fc_blind2/3) are flagged no more often than under the old whole-text similarity at
# 0.33, no nearest case from another notice has a wrong category, and the lawful documents
# (bench/eval/lawful_measure.py A–G) and the statutes draw no more warnings than before.
# At 0.30 the library finds more (17 right, 4 wrong of 206) but two lawful A–G sentences too.
# ``bench/caselib_compare.py`` and ``workbench eval`` print the sweep.
RESEMBLANCE_THRESHOLD = 0.36
# A clause shorter than this (in Chinese characters) is too little to compare.
MIN_CHARS = 8
UNKNOWN_BIGRAM_WEIGHT = 2.0
# Only a case clause sharing at least one bigram this rare (in at most this many
# clauses of the library) can come close: candidates are found through these, so that a
# sentence sharing none — most sentences of a draft — costs a few lookups.
RARE_DF = 12
MIN_SHARED_RARE = 2
# A warning needs more: a clause that shares one topic word pair with a case
# (农民专业合作社) is not the same breach.
WARNING_SHARED_RARE = 4
MAX_CANDIDATES = 8
# A clause that only sets how much a benefit is (单个项目补助最高不超过200万元、每年获得的奖励合计不超过
# 三百万元) picks no one and sets no condition: no breach lies in it, whatever case it stood in.
# Read on the normalised text (numbers as NUMBER) or the raw text alike.
AMOUNT_ONLY_RE = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])?\s*(?:单个|每个|每家|单家|每户|单户|同一)?[\u4e00-\u9fff\ue000\ue001]{0,5}?"
    r"(?:每年度?|年度|累计|当年)?(?:获得|享受|给予|可获)?的?[\u4e00-\u9fff]{0,6}?(?:补贴|补助|奖励|资助|奖补|扶持资金|支持资金|扶持)"
    r"(?:资金|金额|总额|额度)?(?:合计|累计|总额)?(?:最高|最多)?(?:不超过|不高于|不得超过|不超出|为|可达|封顶)?"
    r"(?:[0-9０-９][0-9０-９.,]*|[一二三四五六七八九十百千万亿两零]+|\ue002)(?:万|亿|千)?元[，,。；;！!]?\s*")

_CLAUSE_SPLIT_RE = re.compile(r"(?<=[，,；;。！？\n])")


def amount_only(text: str) -> bool:
    """Whether a clause (up to its ，；。) only sets the amount or ceiling of a benefit."""
    return AMOUNT_ONLY_RE.fullmatch(text) is not None


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


def normalise_numbers(text: str) -> str:
    return _NUMBER_RE.sub(NUMBER, text)


@lru_cache(maxsize=1)
def _tagger():
    from workbench.rules.entities import tagger_for
    from workbench.rules.lexicon import builtin_lexicon

    return tagger_for(builtin_lexicon())


def normalise(text: str, shadow: str | None = None) -> str:
    """The text as the similarity reads it: named operators and places as one placeholder
    each (the tagger's shadow, a run of marks made one), numbers as another.
    ``shadow``: the builtin tagger's shadow of ``text``, when already made (the engine's)."""
    out = _tagger().shadow(text) if shadow is None else shadow
    if out != text:
        out = _REPEATED_MARK.sub(r"\1", out)
    out = normalise_numbers(out)
    # An amount says nothing of a breach: clauses that only set one are left out.
    if "元" not in out:
        return out
    return "".join(part for part in _CLAUSE_SPLIT_RE.split(out) if "元" not in part or not amount_only(part))


def pieces(text: str) -> list[str]:
    """The clauses of ``text`` (split at ；。！？ and line ends) long enough to compare;
    the whole text when none is."""
    out = [p for p in _PIECE_END.split(text) if sum(map(len, _HAN_RUN.findall(p))) >= MIN_CHARS]
    return out or [text]


def bigrams(text: str) -> Counter:
    runs = _HAN_RUN.findall(text)
    # C-level pairs of neighbours in each run, counted in one pass (keys in the order met).
    return Counter(chain.from_iterable(map(map, repeat(operator.add), runs, map(_TAIL, runs))))


class CaseLibrary:
    """Published cases, split into clauses, with an inverted index of their rare bigrams.

    ``statute_df``: in how many of ``statute_docs`` statute sentences each bigram occurs
    (``load_statute_bigrams``); they join the case clauses in the IDF.
    """

    def __init__(self, cases: list[PublishedCase], statute_df: dict[str, int] | None = None, statute_docs: int = 0,
                 rare_df: int = RARE_DF):
        self.cases = list(cases)
        self._owner: list[int] = []  # the case of each clause
        vectors: list[Counter] = []
        for i, c in enumerate(self.cases):
            for piece in pieces(normalise(c.clause)):
                self._owner.append(i)
                vectors.append(bigrams(piece))
        df: dict[str, int] = defaultdict(int)
        for v in vectors:
            for g in v:
                df[g] += 1
        statute_df = statute_df or {}
        n = max(1, len(vectors) + statute_docs)
        self._idf = {g: math.log((n + 1) / (d + 0.5)) for g, d in statute_df.items()}
        for g, d in df.items():
            self._idf[g] = math.log((n + 1) / (d + statute_df.get(g, 0) + 0.5))
        rare: dict[str, list[int]] = defaultdict(list)
        self._unit: list[dict[str, float]] = []  # each clause's TF-IDF vector, of length 1
        for j, v in enumerate(vectors):
            weights = {g: (1 + math.log(tf)) * self._idf[g] for g, tf in v.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            self._unit.append({g: w / norm for g, w in weights.items()})
            for g in weights:
                if df[g] <= rare_df:
                    rare[g].append(j)
        self._rare = dict(rare)  # a plain dict: ``g in`` must not add keys

    def nearest(self, text: str, exclude_notice: str | None = None, category: str | None = None, min_shared: int = 0,
                shadow: str | None = None) -> Resemblance | None:
        """The closest case to ``text`` (to its closest clause, compared clause to clause),
        or None; optionally not from one notice, or only of one category (the finding's own).
        ``shadow``: the builtin tagger's shadow of ``text``, when already made."""
        best: Resemblance | None = None
        for piece in pieces(normalise(text, shadow)):
            found = self._nearest_piece(piece, exclude_notice, category, min_shared)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def _nearest_piece(self, text: str, exclude_notice: str | None, category: str | None, min_shared: int) -> Resemblance | None:
        v = bigrams(text)
        if sum(v.values()) < MIN_CHARS - 1:
            return None
        rare = self._rare
        lists = [rare[g] for g in v if g in rare]
        # A clause sharing a single rare bigram cannot come close; most sentences
        # of a draft share none or one, and cost only these lookups.
        least = max(min_shared, MIN_SHARED_RARE)
        if len(lists) < least:  # no clause can share ``least`` of them
            return None
        # Counted in C, in the order the loop over the clause's bigrams would meet the clauses.
        shared = Counter(chain.from_iterable(lists))
        cases, owner = self.cases, self._owner
        candidates = [j for j, k in shared.items() if k >= least
                      and (exclude_notice is None or cases[owner[j]].notice != exclude_notice)
                      and (category is None or cases[owner[j]].category == category)]
        if not candidates:
            return None
        if len(candidates) > MAX_CANDIDATES:  # the clauses sharing the most rare bigrams
            candidates = sorted(candidates, key=lambda j: -shared[j])[:MAX_CANDIDATES]
        idf = self._idf
        # (1 + log 1) * w is w itself: the logarithm only where a bigram recurs.
        weights = {g: (idf[g] if tf == 1 else (1 + math.log(tf)) * idf[g]) for g, tf in v.items() if g in idf}
        best, best_score = None, 0.0
        pairs = list(weights.items())
        for j in candidates:
            unit = self._unit[j]
            # In the query's bigram order, not a set's: a set's order follows the string
            # hash, which changes from run to run, and so would the last digits of the sum.
            s = sum([w * unit[g] for g, w in pairs if g in unit])
            if s > best_score:
                best, best_score = j, s
        if best is None:
            return None
        # The query's norm counts every bigram, known or not: a bigram neither the cases nor
        # the statutes have counts at a middling weight, so a long clause that shares a few
        # bigrams with a case is not close to it.
        unknown = UNKNOWN_BIGRAM_WEIGHT
        norm = math.sqrt(sum(w * w for w in weights.values()) + unknown * unknown * sum(tf for g, tf in v.items() if g not in idf))
        return Resemblance(cases[owner[best]], best_score / norm)


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


def load_statute_bigrams(text: str) -> tuple[dict[str, int], int]:
    """(document frequency of each bigram, number of sentences) from ``statute_bigrams.txt``."""
    df: dict[str, int] = {}
    docs = 0
    for line in text.splitlines():
        if line.startswith("#"):
            docs = int(line.split("\t")[1])
        elif line.strip():
            d, grams = line.split("\t")
            for k in range(0, len(grams), 2):
                df[grams[k:k + 2]] = int(d)
    return df, docs


def _build(cases_entry, statutes_entry) -> CaseLibrary:
    df, docs = load_statute_bigrams(statutes_entry.read_text(encoding="utf-8")) if statutes_entry.is_file() else ({}, 0)
    return CaseLibrary(load_cases(cases_entry.read_text(encoding="utf-8")), df, docs)


@lru_cache(maxsize=1)
def builtin_case_library() -> CaseLibrary:
    """The shipped cases with their index, from the compiled cache (``workbench.compiled_cache``)
    unless the case file, the statute bigrams, the tagger's inputs (the clauses are read
    through its shadow) or the program changed."""
    from workbench.compiled_cache import load_or_build
    from workbench.rules.entities import PLACE_STOPLIST, division_codes_file

    pack = resources.files("workbench.rulepacks")
    entry, statutes = pack / "cases" / "fair_competition.jsonl", pack / "cases" / "statute_bigrams.txt"
    return load_or_build("cases", [entry, statutes, pack / "lexicon.yaml", pack / PLACE_STOPLIST, division_codes_file()],
                         lambda: _build(entry, statutes), ("workbench.rules.caselib",))
