"""Throughput of the citation pack on ~1 MB of penalty-decision text.

    .venv/bin/python bench/citations_bench.py [ALL]

Builds the text from the published decisions in ../shared/eval/penalty_decisions
(plus a synthetic paragraph with a fine) and reports MB/s for the citation
pack alone, or for every pack with ALL.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "penalty_decisions"
EXTRA = "依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定，我局决定：处罚款人民币伍万元整。\n"


def main() -> None:
    parts = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("*.txt"))] + [EXTRA]
    chunk = "\n".join(parts)
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    packs = None if "ALL" in sys.argv else ("citation",)
    engine = Engine(load_builtin_rules(packs) if packs else load_builtin_rules())
    doc = document_from_text(text, kind="enforcement")
    doc.norm  # normalisation is intake's cost, not the rules'
    engine.check(document_from_text("预热《环评法》第一条", kind="enforcement"), as_of=date(2026, 10, 20))
    t = time.perf_counter()
    findings = engine.check(doc, as_of=date(2026, 10, 20))
    dt = time.perf_counter() - t
    print(f"{len(text) / 1e6:.2f} MB, {len(findings)} findings, {dt:.2f} s, {len(text) / 1e6 / dt:.1f} MB/s")


if __name__ == "__main__":
    main()
