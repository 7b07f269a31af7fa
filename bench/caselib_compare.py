"""The case library's similarity, old against new, measured leave-one-notice-out (run by hand).

Old: whole-text character-bigram TF-IDF cosine over the raw text, IDF from the cases alone
(``workbench/rules/caselib.py`` as of commit 3d132b8, read with ``git show``). New: the shipped
``workbench.rules.caselib`` (shadow text, numbers normalised, clauses that only set a benefit's
amount left out, clause to clause, IDF with the statutes). For each, per threshold:

- leave-one-notice-out on shared/eval (cases.jsonl + cases_2.jsonl): the nearest case from
  another notice above the threshold, with the clause's category (right) or another (wrong);
- the lawful look-alikes above the threshold: shared/eval's clean_lookalikes.jsonl,
  bench/eval/fc_lookalikes_blind.jsonl and the clean lines of fc_blind2/fc_blind3;
- the violations of fc_blind2/fc_blind3 above the threshold with the right category (they come
  from no notice in the library: how the library does on clauses it has never seen).

These are the library's own figures (``nearest`` with the warning's ``min_shared``), before the
warning's sentence gates in ``checks/resemblance.py``, so a look-alike counted here may still
not be flagged by ``workbench check``. Lawful documents and statutes are measured with
``bench/eval/lawful_measure.py --batch A`` … ``G`` and ``workbench eval`` / ``bench/findings_snapshot.py``.
Other variants tried (1–3-grams, category by a 3-nearest vote, …): ``bench/caselib_variants.py``.

    .venv/bin/python bench/caselib_compare.py [--thresholds 0.2,0.25,...] [--min-shared N] [--rare-df N]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import types
from importlib import resources
from pathlib import Path

from workbench.evaluation import CATEGORY_KEYS, accepted_categories, load_cases, load_clean_clauses
from workbench.rules import caselib

ROOT = Path(__file__).resolve().parents[1]
FC = ROOT.parent / "shared" / "eval" / "fair_competition"
EVAL = ROOT / "bench" / "eval"
OLD_COMMIT = "3d132b8"


def old_module():
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD_COMMIT}:workbench/rules/caselib.py"],
                            capture_output=True, text=True, check=True).stdout
    mod = types.ModuleType("caselib_old")
    mod.__dict__["__name__"] = "caselib_old"
    sys.modules["caselib_old"] = mod  # dataclasses look their module up
    exec(compile(source, "caselib_old.py", "exec"), mod.__dict__)
    return mod


def rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def material():
    cases = [c for p in ("cases.jsonl", "cases_2.jsonl") for c in load_cases(FC / p)]
    look = {"eval": [c for _, c in load_clean_clauses(FC / "clean_lookalikes.jsonl")],
            "blind": [r["clause"] for r in rows(EVAL / "fc_lookalikes_blind.jsonl")]}
    blind = []
    for name in ("fc_blind2", "fc_blind3"):
        look[name] = [r["clause"] for r in rows(EVAL / f"{name}.jsonl") if r["category"] == "clean"]
        blind += [(r["clause"], CATEGORY_KEYS[r["category"]]) for r in rows(EVAL / f"{name}.jsonl") if r["category"] != "clean"]
    return cases, look, blind


def scores(library, cases, look, blind, min_shared):
    notice = {c.id: c.notice for c in library.cases}

    def near(text, exclude=None):
        found = library.nearest(text, exclude_notice=exclude, min_shared=min_shared)
        return (found.score, found.case.category) if found else (0.0, None)

    loo = [(s, cat in accepted_categories(c)) for c in cases for s, cat in [near(c.clause, notice.get(c.id, c.notice))]]
    lk = {k: [near(t)[0] for t in v] for k, v in look.items()}
    bl = [(s, cat == want) for t, want in blind for s, cat in [near(t)]]
    return loo, lk, bl


def table(name, chosen, loo, lk, bl, thresholds):
    print(f"== {name}（阈值 {chosen:.2f}）")
    for th in sorted(set(thresholds) | {chosen}):
        right = sum(1 for s, ok in loo if s >= th and ok)
        wrong = sum(1 for s, ok in loo if s >= th and not ok)
        flagged = {k: sum(1 for s in v if s >= th) for k, v in lk.items()}
        blind_right = sum(1 for s, ok in bl if s >= th and ok)
        mark = "→" if th == chosen else " "
        per = " ".join(f"{k} {v}/{len(lk[k])}" for k, v in flagged.items())
        print(f" {mark} ≥{th:.2f}  LOO 类别正确 {right:3d}/{len(loo)} 类别错误 {wrong:2d} | 相似条款 {sum(flagged.values()):2d}/{sum(map(len, lk.values()))}（{per}）"
              f" | blind2+3 违规类别正确 {blind_right}/{len(bl)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--thresholds", default="0.20,0.25,0.28,0.30,0.33,0.35,0.40")
    ap.add_argument("--min-shared", type=int, default=caselib.WARNING_SHARED_RARE)
    ap.add_argument("--rare-df", type=int, default=caselib.RARE_DF)
    args = ap.parse_args()
    thresholds = [float(x) for x in args.thresholds.split(",")]
    cases, look, blind = material()
    old = old_module()
    entry = resources.files("workbench.rulepacks") / "cases" / "fair_competition.jsonl"
    old_lib = old.CaseLibrary(old.load_cases(entry.read_text(encoding="utf-8")))
    table("旧：整段原文字二元组", old.RESEMBLANCE_THRESHOLD, *scores(old_lib, cases, look, blind, old.WARNING_SHARED_RARE), thresholds)
    new_lib = caselib.builtin_case_library() if args.rare_df == caselib.RARE_DF else caselib.CaseLibrary(
        caselib.builtin_case_library().cases, *caselib.load_statute_bigrams(
            (resources.files("workbench.rulepacks") / "cases" / "statute_bigrams.txt").read_text(encoding="utf-8")), rare_df=args.rare_df)
    table(f"新：逐条款、影子文本、数字归一、略去只定金额的分句、IDF 兼计法规（min_shared {args.min_shared}，rare_df {args.rare_df}）",
          caselib.RESEMBLANCE_THRESHOLD, *scores(new_lib, cases, look, blind, args.min_shared), thresholds)


if __name__ == "__main__":
    main()
