"""Fair-competition rules that fire together: candidates for one rule per standard.

Runs every fair-competition rule's must-trigger examples and the tuned blind sets
(fc_wordings_blind.jsonl, fc_blind2.jsonl, fc_blind3.jsonl) through the engine, one passage
at a time, and lists the pairs of rules that both report a finding in the same passage,
with how often each fires there at all. A pair that co-fires on most of the passages either
fires on (``share`` = together / the rarer rule's passages) is a duplicate if the two rules
also name the same standard (category and a provision of their basis, to the item); the report says whether they do.

    .venv/bin/python bench/eval/cofire_pairs.py [--min-share 0.5] [--min-together 2]

Held-out sets are not read.
"""
import argparse
import collections
import datetime
import itertools
import json
import re
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules import load_builtin_rules
from workbench.rules.engine import Engine

HERE = Path(__file__).resolve().parent
SETS = ("fc_wordings_blind.jsonl", "fc_blind2.jsonl", "fc_blind3.jsonl")
AS_OF = datetime.date(2026, 12, 1)


def passages(rules):
    for rule in rules:
        if rule.review == "fair_competition":
            for ex in rule.trigger_examples:
                yield f"example:{rule.id}", ex.text
    for name in SETS:
        with open(HERE / name, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    yield f"{name}:{i}", json.loads(line)["clause"]


_ARTICLE_RE = re.compile(r"第[一二三四五六七八九十百]+条")
_ITEM_RE = re.compile(r"第（[一二三四五六七八九十]+）项")


def provisions(rule):
    """(law, 第×条, 第（×）项 or '') of each basis: 第十条第（三）项、第（四）项 is two provisions."""
    out = set()
    for b in rule.basis:
        article = None
        for m in re.finditer(_ARTICLE_RE.pattern + "|" + _ITEM_RE.pattern, b.article):
            if m.group().endswith("条"):
                article = m.group()
                out.add((b.law, article, ""))
            elif article:
                out.discard((b.law, article, ""))
                out.add((b.law, article, m.group()))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument("--min-together", type=int, default=2)
    args = parser.parse_args()
    rules = load_builtin_rules()
    by_id = {r.id: r for r in rules}
    engine = Engine(rules)
    fires, together, where = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for key, text in passages(rules):
        found = engine.check(document_from_text(text, kind="normative", path=key), as_of=AS_OF,
                             reviews=("fair_competition",))
        ids = sorted({f.rule for f in found if f.paragraph is not None and not by_id[f.rule].fallback})
        fires.update(ids)
        for a, b in itertools.combinations(ids, 2):
            together[a, b] += 1
            where[a, b].append(text)
    rows = []
    for (a, b), n in together.items():
        share = n / min(fires[a], fires[b])
        if n >= args.min_together and share >= args.min_share:
            same_category = by_id[a].category == by_id[b].category
            rows.append((share, n, a, b, same_category, bool(provisions(by_id[a]) & provisions(by_id[b]))))
    print(f"{'share':>6} {'together':>8}  rule A (passages) / rule B (passages)  same category / shared basis")
    for share, n, a, b, cat, bas in sorted(rows, reverse=True):
        print(f"{share:>6.0%} {n:>8}  {a} ({fires[a]}) / {b} ({fires[b]})  "
              f"{'same' if cat else 'different'} category, {'shared' if bas else 'no shared'} basis")
        for text in where[a, b][:3]:
            print(f"           · {text[:70]}")


if __name__ == "__main__":
    main()
