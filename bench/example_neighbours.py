"""Experiment: would the rules' own examples, as a nearest-neighbour library, find what frames miss?

Each fair-competition rule's trigger examples are positives of its category, its pass examples
negatives. For every clause of a set that no frame flags under its category, the nearest example
(the case library's bigram cosine, ``workbench.rules.caselib.CaseLibrary``) is looked up; a
positive at or above the threshold would flag it. Lawful look-alikes and the sentences of the
lawful documents measure what it would flag wrongly.

    .venv/bin/python bench/example_neighbours.py --file bench/eval/fc_blind7b.jsonl [--lawful A B]

Result (3 December 2026, main 213e618): not worth shipping. On the tuning sets' clauses the frames
miss, a positive example at >= 0.40 finds blind7a +0 of 4 and blind5a +2 of 23 (0 wrong), while
it flags 1 of 45 look-alikes and 19 sentences of lawful batches A-C (2.71 per 10k characters);
at 0.35: +1/4, +3/23, 4 look-alikes, 4.57/10k. The examples are too few and too close to their
rules' own wordings to reach what the frames miss.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from workbench.checking import check_document
from workbench.intake import document_from_text
from workbench.rules import load_builtin_rules
from workbench.rules.caselib import CaseLibrary, PublishedCase, load_statute_bigrams
from importlib import resources

THRESHOLDS = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60)
CODES = {"market_entry_exit": "市场准入和退出", "free_movement": "商品要素自由流动",
         "production_cost": "生产经营成本", "business_conduct": "生产经营行为"}


def library() -> CaseLibrary:
    cases = []
    for rule in load_builtin_rules():
        if rule.review != "fair_competition" or rule.category not in CODES:
            continue
        for k, ex in enumerate(rule.trigger_examples):
            cases.append(PublishedCase(f"{rule.id}#t{k}", ex.text, CODES[rule.category], rule.id, "", "", ""))
        for k, ex in enumerate(rule.pass_examples):
            cases.append(PublishedCase(f"{rule.id}#p{k}", ex.text, "clean", rule.id, "", "", ""))
    statutes = resources.files("workbench.rulepacks") / "cases" / "statute_bigrams.txt"
    df, docs = load_statute_bigrams(statutes.read_text(encoding="utf-8"))
    return CaseLibrary(cases, df, docs)


def frame_categories(text: str) -> set[str]:
    r = check_document(document_from_text(text, kind="normative"))
    return {CODES.get(f.category, f.category) for f in r.findings if f.review == "fair_competition" and f.rule != "fc.case.resembles_published"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", action="append", default=[])
    ap.add_argument("--lawful", nargs="*", default=[])
    args = ap.parse_args()
    lib = library()
    for path in args.file:
        items = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        gains = {t: [0, 0] for t in THRESHOLDS}
        clean_hits = {t: 0 for t in THRESHOLDS}
        missed = clean = 0
        for d in items:
            found = frame_categories(d["clause"])
            near = lib.nearest(d["clause"])
            if d["category"] == "clean":
                clean += 1
                if found:
                    continue
                for t in THRESHOLDS:
                    if near and near.case.category != "clean" and near.score >= t:
                        clean_hits[t] += 1
                continue
            if d["category"] in found:
                continue
            missed += 1
            for t in THRESHOLDS:
                if near and near.case.category != "clean" and near.score >= t:
                    gains[t][0 if near.case.category == d["category"] else 1] += 1
        print(f"{Path(path).name}: {missed} not right by frames; clean {clean}")
        for t in THRESHOLDS:
            print(f"  >= {t:.2f}: right +{gains[t][0]}, wrong {gains[t][1]}, clean flagged {clean_hits[t]}")
    if args.lawful:
        docs = sorted(p for b in args.lawful for p in Path("bench/eval/lawful_docs").glob(b.lower() + "0*.txt"))
        chars = 0
        hits = {t: 0 for t in THRESHOLDS}
        for p in docs:
            text = p.read_text(encoding="utf-8")
            chars += len(text)
            for para in text.split("\n"):
                for sentence in re.split(r"(?<=[。；])", para):
                    if len(sentence) < 8:
                        continue
                    near = lib.nearest(sentence)
                    for t in THRESHOLDS:
                        if near and near.case.category != "clean" and near.score >= t:
                            hits[t] += 1
        print(f"lawful {' '.join(args.lawful)}: {len(docs)} files, {chars} chars")
        for t in THRESHOLDS:
            print(f"  >= {t:.2f}: sentences flagged {hits[t]} ({hits[t] / chars * 1e4:.2f}/10k)")


if __name__ == "__main__":
    main()
