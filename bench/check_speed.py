"""How fast all rule packs check text (run by hand; figures go in the closing note).

Targets (issues #2, #10): all packs at >= 5 MB/s on a 1 MB corpus of real-looking
text, and a 30-page draft checked in < 20 ms once the rules are loaded.

    .venv/bin/python bench/check_speed.py [--shared ../shared]

The corpus is made of the real published documents under shared/eval/
(penalty decisions, ministry opinions, fair-competition notices), shuffled by
paragraph and repeated to 1 MB (UTF-8).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules
from workbench.text.segment import preload_words


def corpus(shared: Path, size_bytes: int, seed: int = 7) -> str:
    paragraphs = []
    for path in sorted((shared / "eval").rglob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    out, total = [], 0
    while total < size_bytes:
        p = rng.choice(paragraphs)
        out.append(p)
        total += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def timed_check(engine: Engine, doc) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, number of findings) of one check: the machine
    is shared, so CPU time (``time.process_time``) is the figure to trust."""
    c, w = time.process_time(), time.perf_counter()
    n = len(engine.check(doc))
    return time.process_time() - c, time.perf_counter() - w, n
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    t = time.perf_counter()
    rules = load_builtin_rules()
    engine = Engine(rules)
    print(f"rules: {len(rules)} loaded and compiled in {(time.perf_counter() - t) * 1000:.0f} ms")
    # One-off costs paid once per process (the window pays them in the background at start).
    preload_words()
    for kind in ("normative", "enforcement"):
        engine.check(document_from_text("预热：须使用某公司产品。", kind=kind))

    text = corpus(args.shared, 1024 * 1024)
    mb = len(text.encode("utf-8")) / 1024 / 1024
    for kind in ("normative", "enforcement"):
        cpu, wall, findings = [], [], 0
        for _ in range(args.repeat):
            doc = document_from_text(text, kind=kind)  # fresh: normalisation is part of the cost
            c, w, findings = timed_check(engine, doc)
            cpu.append(c)
            wall.append(w)
        print(f"1 MB corpus as {kind:<11}: CPU {mb / min(cpu):6.1f} MB/s (best of {args.repeat}, median {mb / statistics.median(cpu):.1f}),"
              f" wall {mb / min(wall):.1f} MB/s (median {mb / statistics.median(wall):.1f}), {findings} findings")

    page = 700  # characters on a printed A4 page of a draft
    draft_text = text[: 30 * page]
    cpu, wall = [], []
    for _ in range(20):
        doc = document_from_text(draft_text, kind="normative")
        c, w, _n = timed_check(engine, doc)
        cpu.append(c)
        wall.append(w)
    print(f"30-page draft ({len(draft_text)} chars): CPU median {statistics.median(cpu) * 1000:.1f} ms, max {max(cpu) * 1000:.1f} ms;"
          f" wall median {statistics.median(wall) * 1000:.1f} ms, max {max(wall) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
