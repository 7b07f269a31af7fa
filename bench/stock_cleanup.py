"""Import and 清理 of 500 issued documents, from the command line and in the window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/stock_cleanup.py [N]

Makes N (default 500) issued documents from the statutes and the published texts in
../shared (tests/helpers/stock_corpus.py: half .docx, half .txt), then

1. core: ``run_cleanup`` on the folder into a fresh log (read, register, re-check as of
   2026-08-15, record the proposals), and ``recheck`` of the same run;
2. window: the stock window's 清理文件夹 on another fresh log, the work on a worker thread,
   while a 5 ms QTimer on the GUI thread records the longest gap between its ticks (a stall:
   the window could not repaint or take a click), until the table shows every document.

Reports seconds and documents per second, and the longest GUI-thread stall in ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 8, 15)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="bench-stock-"))
    os.environ["WORKBENCH_DATA_DIR"] = str(tmp / "data")
    from tests.helpers.stock_corpus import build_issued

    t = time.perf_counter()
    built = build_issued(tmp / "docs", n)
    print(f"made {len(built)} documents in {time.perf_counter() - t:.1f} s "
          f"({sum(p.path.stat().st_size for p in built) / 1e6:.1f} MB)")

    from workbench.checking import builtin_engine
    from workbench.log import ReviewLog
    from workbench.stock.cleanup import recheck, run_cleanup
    from workbench.text.segment import preload_words

    t = time.perf_counter()
    builtin_engine()
    preload_words()
    print(f"start-up (rules, jieba): {time.perf_counter() - t:.1f} s (once per program start, not counted below)")

    with ReviewLog.open(tmp / "core.sqlite3") as log:
        t = time.perf_counter()
        report = run_cleanup(log, AS_OF, tmp / "docs")
        dt = time.perf_counter() - t
        print(f"core: import + 清理 of {report.documents} documents: {dt:.1f} s ({report.documents / dt:.0f} documents/s)")
        t = time.perf_counter()
        again = recheck(log, report.run_id)
        print(f"core: re-check of the run: {time.perf_counter() - t:.1f} s, {len(again.changed)} changed")
        t = time.perf_counter()
        ok = log.verify().ok
        print(f"log verify: {'ok' if ok else 'FAILED'} in {time.perf_counter() - t:.1f} s, "
              f"{(tmp / 'core.sqlite3').stat().st_size / 1e6:.1f} MB")
    window_bench(tmp, len(built))


def window_bench(tmp: Path, expected: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.gui import stock_menu
    from workbench.gui.main_window import MainWindow
    from workbench.log import ReviewLog
    from workbench.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    log = ReviewLog.open(tmp / "window.sqlite3")
    window = MainWindow(Workspace(log, {"reviewer": "基准"}))
    window.show()
    stock = stock_menu.open_stock(window, 2)
    app.processEvents()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    long_gaps: list[tuple[float, str]] = []

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        if now - last[0] > 50:
            long_gaps.append((now - last[0], stock.status_label.text()))
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    # Baseline: the same timer with nothing running, for what this (shared) machine's scheduler adds.
    t = time.perf_counter()
    while time.perf_counter() - t < 3:
        app.processEvents()
        time.sleep(0.001)
    idle = max(gaps) if gaps else 0.0
    gaps.clear()
    long_gaps.clear()
    last[0] = clock.elapsed()
    t = time.perf_counter()
    view = stock.cleanup_view
    view.as_of.setDate(view.as_of.date().__class__(AS_OF.year, AS_OF.month, AS_OF.day))
    view.start(str(tmp / "docs"))
    while stock.busy or view.model.rowCount() < expected:
        app.processEvents()
        time.sleep(0.001)
    dt = time.perf_counter() - t
    during_run = max(gaps) if gaps else 0.0
    # The user then works with the result: scroll, select, confirm one (written and re-read).
    view.table.scrollToBottom()
    view.table.selectRow(expected // 2)
    view.confirm()
    while not stock.idle:
        app.processEvents()
        time.sleep(0.001)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    timer.stop()
    worst = max(gaps) if gaps else 0.0
    print(f"window idle (baseline): longest gap {idle:.0f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"window: longest GUI-thread stall while importing and checking: {during_run:.0f} ms")
    print(f"window: 清理文件夹 of {expected} documents shown in {dt:.1f} s; longest GUI-thread stall overall (with the confirmation) "
          f"{worst:.0f} ms (timer every 5 ms, {len(gaps)} ticks; 99th percentile "
          f"{sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0:.0f} ms)")
    for gap, during in sorted(long_gaps, reverse=True)[:5]:
        print(f"  stall {gap:.0f} ms, after: {during}")
    window.close()
    log.close()


if __name__ == "__main__":
    main()
