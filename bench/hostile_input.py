"""Hostile input (issue 16): time of a 4 MB text draft, peak memory on the lying zip (run by hand).

    .venv/bin/python bench/hostile_input.py

- 4 MB text: a UTF-8 .txt of the sample notices repeated to 4 MB, read and
  checked with every pack (load_document + check), best of 3 after a warm-up.
  With one stray byte in the middle too: the evidence-based decoding must not
  cost more than a clean file.
- Lying zip: a .docx whose body declares 1,000 bytes but inflates to 200 MB
  (2.1 GB of memory before the fix). Peak traced Python memory (tracemalloc)
  and peak RSS growth while it is refused.

(The 400,000-character sentence is the rule engine's bench, kept by the lead.)
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.bad_files import lying_zip  # noqa: E402
from tests.helpers.review_log import NOTICE, POLICY  # noqa: E402
from workbench.checking import builtin_engine, check_file  # noqa: E402
from workbench.errors import InputError  # noqa: E402
from workbench.intake import load_document  # noqa: E402
from workbench.text.segment import preload_words  # noqa: E402


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    preload_words()
    builtin_engine()
    with tempfile.TemporaryDirectory() as tmp:
        unit = (NOTICE + POLICY).encode("utf-8")
        data = unit * (4 * 1024 * 1024 // len(unit) + 1)
        clean = Path(tmp, "4mb.txt")
        clean.write_bytes(data)
        stray = Path(tmp, "4mb-stray.txt")
        stray.write_bytes(data[: len(data) // 2] + b"\xff" + data[len(data) // 2 :])
        check_file(clean)  # warm-up
        for label, path in (("4 MB text, clean UTF-8", clean), ("4 MB text, one stray byte", stray)):
            read = best_of(lambda: load_document(path))
            total = best_of(lambda: check_file(path))
            print(f"{label}: read {read:.2f} s, read + check {total:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")

        liar = lying_zip(Path(tmp, "liar.docx"), inflated_mb=200)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        start = time.perf_counter()
        try:
            load_document(liar)
        except InputError as exc:
            outcome = exc.problem
        else:
            outcome = "read (!)"
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"lying zip ({liar.stat().st_size / 1e6:.1f} MB file, declares 1,000 bytes, inflates to 200 MB): "
              f"refused in {elapsed:.2f} s, peak traced memory {peak / 1e6:.1f} MB, "
              f"peak RSS growth {(rss_after - rss_before) / 1024:.1f} MB — {outcome}")


if __name__ == "__main__":
    main()
