"""Write rules/cases/fair_competition.jsonl: the published fair-competition cases.

The workbench shows, beside every fair-competition finding, the closest case
that an inspection notice published, and warns where a clause no frame flags
closely resembles one. The cases are the clauses that the notices quoted (or
paraphrased), as collected under shared/eval/fair_competition (cases.jsonl,
cases_2.jsonl; see their README and SOURCES_2.md), each with the notice that
published it and its date. Only what a reviewer needs to see is kept.

It also writes rules/cases/statute_bigrams.txt: in how many sentences of the
statutes under shared/reference/law each character bigram occurs (numbers
normalised as ``workbench.rules.caselib`` does). The similarity takes its IDF
from the statutes and the cases together, so that the words every legal text
uses (应当、按照、经营者) weigh little and the words of the breach weigh much.

usage: .venv/bin/python scripts/build_case_library.py [SHARED_EVAL_FAIR_COMPETITION_DIR [SHARED_REFERENCE_LAW_DIR]]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORY_KEYS = {
    "市场准入和退出": "market_entry_exit", "商品要素自由流动": "free_movement", "商品和要素自由流动": "free_movement",
    "生产经营成本": "production_cost", "影响生产经营成本": "production_cost",
    "生产经营行为": "business_conduct", "影响生产经营行为": "business_conduct",
}
_NOTICE_RE = re.compile(r"^(?P<issuer>[^《]*)《(?P<title>[^》]+)》\((?P<date>\d{4}-\d{2}-\d{2})\)")


def notice_of(row: dict) -> tuple[str, str, str]:
    """(notice title, issuer, date) of a case row from either file's fields."""
    if row.get("notice"):
        return row["notice"], row.get("notice_issuer", ""), row.get("notice_date", "")
    m = _NOTICE_RE.match(row.get("source", ""))
    if m:
        return m.group("title"), m.group("issuer").strip(), m.group("date")
    return row.get("source", "").split("；")[0], "", ""


def main(argv: list[str]) -> None:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "eval" / "fair_competition"
    out = []
    for name in ("cases.jsonl", "cases_2.jsonl"):
        for line in (src / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            title, issuer, date = notice_of(row)
            out.append({
                "id": row["id"],
                "clause": row["clause"],
                "category": CATEGORY_KEYS[row["category"]],
                "case_title": row.get("case_title", ""),
                "notice": title,
                "notice_issuer": issuer,
                "notice_date": date,
                "quoted": bool(row.get("quoted", True)),
            })
    dest = ROOT / "rules" / "cases" / "fair_competition.jsonl"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(f"{dest}: {len(out)} 个案例，{len({r['notice'] for r in out})} 份通报")
    law = Path(argv[2]) if len(argv) > 2 else ROOT.parent / "shared" / "reference" / "law"
    write_statute_bigrams(law, dest.parent / "statute_bigrams.txt")


def write_statute_bigrams(law: Path, dest: Path) -> None:
    """One line per document frequency: ``df<TAB>`` and the bigrams of that frequency, run together."""
    from collections import Counter

    from workbench.rules.caselib import MIN_CHARS, bigrams, normalise_numbers, pieces

    df: Counter = Counter()
    docs = 0
    for path in sorted(law.rglob("*.md")):
        for piece in pieces(normalise_numbers(path.read_text(encoding="utf-8"))):
            grams = bigrams(piece)
            if sum(grams.values()) >= MIN_CHARS - 1:
                docs += 1
                df.update(grams.keys())
    by_df: dict[int, list[str]] = {}
    for g, d in sorted(df.items()):
        by_df.setdefault(d, []).append(g)
    lines = [f"# 条文句子数\t{docs}"] + [f"{d}\t{''.join(gs)}" for d, gs in sorted(by_df.items())]
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{dest}: {len(df)} 个二元组，{docs} 个句子")


if __name__ == "__main__":
    main(sys.argv)
