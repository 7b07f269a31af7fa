"""The similarity variants tried for the case library, measured leave-one-notice-out (run by hand).

A brute-force reimplementation (no candidate index, no ``min_shared`` gate), so its figures are
close to but not those of the shipped ``workbench.rules.caselib``; ``bench/caselib_compare.py``
measures the shipped one against the old. Each variant prints, for the thresholds at which at
most 0, 2 or 5 of the 184 lawful look-alikes score above it: LOO right / wrong category on
shared/eval and the fc_blind2/3 violations found with the right category.

    .venv/bin/python bench/caselib_variants.py [shipped] [VARIANT ...]

Variants: raw or shadow text (shadow), numbers normalised (num), character n-grams 2 or 1–3
(123), IDF with the statutes (law; +restrict: only for bigrams the cases hold), clause-to-clause
(pieces), category by the 3 nearest cases' score-weighted vote (k3), the weight of a bigram no
text holds (unk1, unkmax).
"""
from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from workbench.evaluation import accepted_categories, load_cases, load_clean_clauses
from workbench.rules.entities import tagger_for
from workbench.rules.lexicon import builtin_lexicon

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FC = SHARED / "eval" / "fair_competition"

cases = [c for p in ("cases.jsonl", "cases_2.jsonl") for c in load_cases(FC / p)]
lib_rows = [json.loads(l) for l in (ROOT / "rules/cases/fair_competition.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
notice_of = {r["id"]: r["notice"] for r in lib_rows}
cat_of = {r["id"]: r["category"] for r in lib_rows}

look = {"eval": [c for _, c in load_clean_clauses(FC / "clean_lookalikes.jsonl")]}
look["blindlook"] = [json.loads(l)["clause"] for l in open(ROOT / "bench/eval/fc_lookalikes_blind.jsonl", encoding="utf-8") if l.strip()]
for n in ("fc_blind2", "fc_blind3"):
    look[n] = [d["clause"] for l in open(ROOT / f"bench/eval/{n}.jsonl", encoding="utf-8") if l.strip() and (d := json.loads(l))["category"] == "clean"]
# blind violations: a generalisation check (not the library's notices at all)
KEYS = {"市场准入和退出": "market_entry_exit", "商品要素自由流动": "free_movement", "生产经营成本": "production_cost", "生产经营行为": "business_conduct"}
blind_viol = [(d["clause"], KEYS[d["category"]]) for n in ("fc_blind2", "fc_blind3") for l in open(ROOT / f"bench/eval/{n}.jsonl", encoding="utf-8") if l.strip() and (d := json.loads(l))["category"] != "clean"]

law_sentences = []
for p in sorted((SHARED / "reference" / "law").rglob("*.md")):
    for s in re.split(r"[。；！？\n]", p.read_text(encoding="utf-8")):
        if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 8:
            law_sentences.append(s)

TAGGER = tagger_for(builtin_lexicon())
_MARKS = re.compile("([\ue000\ue001])\\1+")
_NUM = re.compile(r"[0-9０-９.,，%％]+|[一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾佰仟]+(?=[元万亿年个家%％倍层天日月])")
_RUN = re.compile(r"[\u4e00-\u9fff\ue000-\ue002]+")


def prep(text, shadow, numbers):
    if shadow:
        text = _MARKS.sub(r"\1", TAGGER.shadow(text))
    if numbers:
        text = _NUM.sub("\ue002", text)
    return text


def grams(text, ns):
    out = Counter()
    for run in _RUN.findall(text):
        for n in ns:
            for i in range(len(run) - n + 1):
                out[run[i:i + n]] += 1
    return out


def pieces(text):
    ps = [p for p in re.split(r"[；;。！？\n]", text) if len(_RUN.findall(p) and "".join(_RUN.findall(p))) >= 8]
    return ps or [text]


class Model:
    def __init__(self, shadow=False, numbers=False, ns=(2,), idf_law=False, unit="whole", weight="tfidf", k=1, unknown=2.0, sublinear=True, restrict=False):
        self.shadow, self.numbers, self.ns, self.unit, self.weight, self.k, self.unknown, self.sublinear = shadow, numbers, ns, unit, weight, k, unknown, sublinear
        self.ids = [r["id"] for r in lib_rows]
        self.items = []  # (case index, gram counter)
        for i, r in enumerate(lib_rows):
            t = prep(r["clause"], shadow, numbers)
            for p in (pieces(t) if unit == "pieces" else [t]):
                self.items.append((i, grams(p, ns)))
        df = Counter()
        docs = [g for _, g in self.items]
        if idf_law:
            docs = docs + [grams(prep(s, False, numbers), ns) for s in law_sentences]
        for g in docs:
            df.update(g.keys())
        n = len(docs)
        self.idf = {g: math.log((n + 1) / (d + 0.5)) for g, d in df.items()}
        if restrict:
            known = set().union(*(g.keys() for _, g in self.items))
            self.idf = {g: v for g, v in self.idf.items() if g in known}
        self.unk_idf = math.log((n + 1) / 0.5) if unknown is None else unknown
        self.avgdl = sum(sum(g.values()) for _, g in self.items) / len(self.items)
        self.vec = [self._unit(g) for _, g in self.items]

    def _w(self, g):
        out = {}
        for t, tf in g.items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            out[t] = ((1 + math.log(tf)) if self.sublinear else tf) * idf
        return out

    def _unit(self, g):
        w = self._w(g)
        nrm = math.sqrt(sum(x * x for x in w.values())) or 1
        return {t: x / nrm for t, x in w.items()}

    def score_piece(self, g):
        w = self._w(g)
        unk = sum(tf for t, tf in g.items() if t not in self.idf)
        nrm = math.sqrt(sum(x * x for x in w.values()) + (self.unk_idf ** 2) * unk) or 1
        out = {}
        for j, v in enumerate(self.vec):
            s = sum(x * v[t] for t, x in w.items() if t in v) / nrm
            i = self.items[j][0]
            if s > out.get(i, 0):
                out[i] = s
        return out

    def scores(self, text):
        t = prep(text, self.shadow, self.numbers)
        best = {}
        for p in (pieces(t) if self.unit == "pieces" else [t]):
            g = grams(p, self.ns)
            if sum(g.values()) < 7:
                continue
            for i, s in self.score_piece(g).items():
                if s > best.get(i, 0):
                    best[i] = s
        return best

    def nearest(self, text, exclude_notice=None):
        sc = self.scores(text)
        ranked = sorted(((s, i) for i, s in sc.items() if exclude_notice is None or lib_rows[i]["notice"] != exclude_notice), reverse=True)
        if not ranked:
            return None, 0.0
        if self.k == 1:
            s, i = ranked[0]
            return lib_rows[i]["category"], s
        votes = Counter()
        for s, i in ranked[: self.k]:
            votes[lib_rows[i]["category"]] += s
        cat = votes.most_common(1)[0][0]
        return cat, ranked[0][0]


def evaluate(m, name):
    loo = []
    for c in cases:
        cat, s = m.nearest(c.clause, exclude_notice=notice_of.get(c.id, c.notice))
        loo.append((s, cat in accepted_categories(c)))
    lk = {k: [m.nearest(t)[1] for t in v] for k, v in look.items()}
    bv = [(m.nearest(t)) for t, _ in blind_viol]
    bv = [(s, cat == want) for (cat, s), (_, want) in zip(bv, blind_viol)]
    allk = sorted((s for v in lk.values() for s in v), reverse=True)
    print(f"## {name}")
    # threshold where lookalikes flagged (all pools) <= L
    for L in (0, 2, 5):
        th = (allk[L] + 1e-9) if len(allk) > L else 0
        right = sum(1 for s, ok in loo if s >= th and ok)
        wrong = sum(1 for s, ok in loo if s >= th and not ok)
        bright = sum(1 for s, ok in bv if s >= th and ok)
        per = {k: sum(1 for s in v if s >= th) for k, v in lk.items()}
        print(f"  look<={L}: th {th:.3f} LOO right {right}/{len(loo)} wrong {wrong}  blindviol right {bright}/{len(bv)}  look {per}")
    sys.stdout.flush()


class Shipped:
    def __init__(self):
        from workbench.rules.caselib import WARNING_SHARED_RARE, builtin_case_library
        self.lib, self.ms = builtin_case_library(), WARNING_SHARED_RARE

    def nearest(self, text, exclude_notice=None):
        r = self.lib.nearest(text, exclude_notice=exclude_notice, min_shared=self.ms)
        return (r.case.category, r.score) if r else (None, 0.0)


if __name__ == "__main__":
    variants = {
        "base-like": dict(),
        "shadow": dict(shadow=True),
        "shadow+num": dict(shadow=True, numbers=True),
        "sh+num+123": dict(shadow=True, numbers=True, ns=(1, 2, 3)),
        "sh+num+123+law": dict(shadow=True, numbers=True, ns=(1, 2, 3), idf_law=True),
        "sh+num+2+law": dict(shadow=True, numbers=True, idf_law=True),
        "sh+num+123+law+pieces": dict(shadow=True, numbers=True, ns=(1, 2, 3), idf_law=True, unit="pieces"),
        "sh+num+123+law+pieces+k3": dict(shadow=True, numbers=True, ns=(1, 2, 3), idf_law=True, unit="pieces", k=3),
        "sh+num+2+law+pieces": dict(shadow=True, numbers=True, idf_law=True, unit="pieces"),
        "sh+num+2+law+pieces+k3": dict(shadow=True, numbers=True, idf_law=True, unit="pieces", k=3),
        "sh+num+12+law+pieces": dict(shadow=True, numbers=True, ns=(1, 2), idf_law=True, unit="pieces"),
        "sh+num+2+law+pieces+unk1": dict(shadow=True, numbers=True, idf_law=True, unit="pieces", unknown=1.0),
        "sh+num+2+law+pieces+unkmax": dict(shadow=True, numbers=True, idf_law=True, unit="pieces", unknown=None),
        "sh+num+2+law+unkmax": dict(shadow=True, numbers=True, idf_law=True, unknown=None),
        "sh+num+23+law+pieces": dict(shadow=True, numbers=True, ns=(2, 3), idf_law=True, unit="pieces"),
        "P": dict(shadow=True, numbers=True, idf_law=True, unit="pieces", restrict=True),
        "P-noshadow": dict(numbers=True, idf_law=True, unit="pieces", restrict=True),
        "P-nonum": dict(shadow=True, idf_law=True, unit="pieces", restrict=True),
        "P-nolaw": dict(shadow=True, numbers=True, unit="pieces"),
    }
    sel = sys.argv[1:] or list(variants)
    if "shipped" in sel:
        evaluate(Shipped(), "shipped"); sel.remove("shipped")
    for name in sel:
        evaluate(Model(**variants[name]), name)

