"""The findings of every pack on the development material, to compare before and after a change.

A change meant only to make checking faster must not change one finding. This
checks every fair-competition clause (cases, cases_2, the source texts of
cases_2, the clean look-alikes), every statute under shared/reference/law,
every published document under shared/eval (normative documents, penalty
decisions, the notices' transcripts) and the 1 MB corpus of
``bench/check_speed.py``; each text as a normative draft and as an enforcement
decision, with all packs and with each pack alone (fallback rules depend on
what the other rules of their review found). It writes the findings (rule,
span, category, message) as JSON lines and, given an earlier file, prints the
differences.

    .venv/bin/python bench/findings_snapshot.py /tmp/findings_before.jsonl
    .venv/bin/python bench/findings_snapshot.py /tmp/findings_after.jsonl --compare /tmp/findings_before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import corpus  # noqa: E402

from workbench.intake import document_from_text  # noqa: E402
from workbench.rules import Engine, load_builtin_rules  # noqa: E402
from workbench.rules.model import REVIEWS  # noqa: E402


def texts(shared: Path):
    """(name, text) of every text the snapshot checks."""
    fc = shared / "eval" / "fair_competition"
    for path in sorted(fc.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            row = json.loads(line)
            for key in ("clause", "text"):
                if isinstance(row.get(key), str):
                    yield f"{path.name}:{n}:{key}", row[key]
    for path in sorted((shared / "reference" / "law").rglob("*.md")):
        yield str(path.relative_to(shared)), path.read_text(encoding="utf-8")
    for path in sorted((shared / "eval").rglob("*.txt")):
        yield str(path.relative_to(shared)), path.read_text(encoding="utf-8")


def findings(engine: Engine, text: str, kind: str, reviews) -> list:
    doc = document_from_text(text, kind=kind)
    return [[f.rule, f.start, f.end, f.category, f.message] for f in engine.check(doc, reviews=reviews)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    engine = Engine(load_builtin_rules())
    t = time.process_time()
    rows = []
    for name, text in texts(args.shared):
        for kind in ("normative", "enforcement"):
            rows.append({"text": name, "kind": kind, "reviews": "all", "findings": findings(engine, text, kind, REVIEWS)})
            for review in REVIEWS:
                rows.append({"text": name, "kind": kind, "reviews": review, "findings": findings(engine, text, kind, (review,))})
    big = corpus(args.shared, 1024 * 1024)
    for kind in ("normative", "enforcement"):
        rows.append({"text": "check_speed corpus", "kind": kind, "reviews": "all", "findings": findings(engine, big, kind, REVIEWS)})
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    total = sum(len(r["findings"]) for r in rows)
    print(f"{len(rows)} checks, {total} findings, {time.process_time() - t:.1f} s CPU -> {args.out}")
    if args.compare:
        before = [json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines()]
        if len(before) != len(rows):
            print(f"DIFFERENT: {len(before)} checks before, {len(rows)} now")
        changed = 0
        for old, new in zip(before, rows):
            if old != new:
                changed += 1
                if changed <= 20:
                    a = {tuple(f) for f in old["findings"]}
                    b = {tuple(f) for f in new["findings"]}
                    print(f"DIFFERENT {new['text']} {new['kind']} {new['reviews']}: lost {sorted(a - b)[:5]} gained {sorted(b - a)[:5]}")
        print("SAME findings" if not changed and len(before) == len(rows) else f"{changed} checks differ")
        sys.exit(1 if changed or len(before) != len(rows) else 0)


if __name__ == "__main__":
    main()
