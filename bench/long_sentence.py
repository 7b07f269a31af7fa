"""Time to check one sentence of N characters with no full stop (run by hand).

Issue 16 found checking time growing with the square of a sentence's length
(the guards re-read the whole sentence for every match): 400,000 characters
took 412 s. The guards now read a bounded stretch before each act, so the time
must grow linearly; this prints the time for 50,000, 100,000, 200,000 and
400,000 characters and the ratio of the last two (about 2 when linear).

    .venv/bin/python bench/long_sentence.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules


def one_sentence(shared: Path, n: int) -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((shared / "eval").rglob("*.txt")))
    text = re.sub(r"[。！？；\n]", "，", text)  # no sentence end anywhere
    return (text * (n // len(text) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    engine = Engine(load_builtin_rules())
    engine.check(document_from_text("预热：须使用某公司产品。", kind="normative"))
    times = {}
    for n in (50_000, 100_000, 200_000, 400_000):
        doc = document_from_text(one_sentence(args.shared, n), kind="normative")
        t = time.process_time()
        found = engine.check(doc)
        times[n] = time.process_time() - t
        print(f"{n:>7} characters in one sentence: {times[n]:6.2f} s CPU, {len(found)} findings")
    print(f"400,000 / 200,000: {times[400_000] / times[200_000]:.2f} (2 when linear)")


if __name__ == "__main__":
    main()
