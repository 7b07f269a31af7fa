"""Where a check's CPU time goes, part by part (run by hand, beside check_speed.py).

    .venv/bin/python bench/check_breakdown.py [--kind normative] [--repeat 3]

Checks the 1 MB corpus of ``check_speed.py`` and prints the CPU seconds of
normalisation and of each part of ``Engine.check`` (the literal scan, the frame
prefilter, the entity tagging, the frame regexes, each code check, the guards,
the findings), the median of the runs. The parts are timed by wrapping the
engine's methods, which costs a little; the total is timed without wrappers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import corpus  # noqa: E402

from workbench.intake import document_from_text  # noqa: E402
from workbench.rules import Engine, load_builtin_rules  # noqa: E402
from workbench.rules import engine as engine_module  # noqa: E402
from workbench.rules.checks import CHECKS  # noqa: E402
from workbench.rules.prefilter import FramePrefilter  # noqa: E402
from workbench.text.segment import preload_words  # noqa: E402


def _timed(spent: dict, label: str, fn):
    def wrapper(*args, **kwargs):
        c = time.process_time()
        try:
            out = fn(*args, **kwargs)
            return list(out) if hasattr(out, "__next__") else out
        finally:
            spent[label] += time.process_time() - c
    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--kind", default="normative")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    engine = Engine(load_builtin_rules())
    preload_words()
    text = corpus(args.shared, 1024 * 1024)
    engine.check(document_from_text(text, kind=args.kind))  # compiles what the kind needs

    totals, norms = [], []
    for _ in range(args.repeat):
        doc = document_from_text(text, kind=args.kind)
        c = time.process_time()
        doc.norm
        norms.append(time.process_time() - c)
        c = time.process_time()
        engine.check(doc)
        totals.append(time.process_time() - c)

    runs = []
    for _ in range(args.repeat):
        spent: dict[str, float] = defaultdict(float)
        saved = []
        for owner, name, label in ((Engine, "_scan", "scan (literals + prefilter triggers)"),
                                   (FramePrefilter, "units", "frame prefilter units"),
                                   (type(engine.tagger()), "shadow", "entity tagging (shadow)"),
                                   (Engine, "_frames", "frame regexes"),
                                   (Engine, "_frame_matches", "frames in all (prefilter units, tagging, regexes and their plan)"),
                                   (engine_module, "guarded", "guards"),
                                   (Engine, "_findings", "findings (spans, excerpts)")):
            saved.append((owner, name, getattr(owner, name)))
            setattr(owner, name, _timed(spent, label, getattr(owner, name)))
        checks = dict(CHECKS)
        for name, fn in checks.items():
            CHECKS[name] = _timed(spent, f"check {name}", fn)
        try:
            doc = document_from_text(text, kind=args.kind)
            doc.norm
            engine.check(doc)
        finally:
            for owner, name, fn in saved:
                setattr(owner, name, fn)
            CHECKS.update(checks)
        runs.append(spent)

    mb = len(text.encode("utf-8")) / 1024 / 1024
    total = statistics.median(totals)
    print(f"{mb:.2f} MB as {args.kind}: normalisation {statistics.median(norms):.3f} s, check {total:.3f} s CPU "
          f"({mb / (total + statistics.median(norms)):.2f} MB/s with normalisation); medians of {args.repeat}")
    labels = sorted({k for r in runs for k in r}, key=lambda k: -statistics.median(r.get(k, 0.0) for r in runs))
    for label in labels:
        seconds = statistics.median(r.get(label, 0.0) for r in runs)
        if seconds >= 0.001:
            print(f"  {seconds:7.3f} s  {label}")


if __name__ == "__main__":
    main()
