"""Import and 清理 of 500 issued documents, from the command line and in the window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/stock_cleanup.py [N]

Makes N (default 500) issued documents from the statutes and the published texts in
../shared (tests/helpers/stock_corpus.py: half .docx, half .txt), then

1. window, as a user's first 清理 in a program just started: the stock window's 清理文件夹 on a
   fresh log (the work on a worker thread) until the table shows every document, then twelve
   confirmations and changes of outcome, each written and shown before the next; meanwhile a
   5 ms QTimer on the GUI thread records the gaps between its ticks (``Heartbeat``: a stall,
   when the window could not repaint or take a click) and the GUI thread's own CPU time in each;
2. core: ``run_cleanup`` on the folder into another fresh log (read, register, re-check as of
   2026-08-15, record the proposals), ``recheck`` of the same run, ``log verify``.

Reports seconds, documents per second, and the longest GUI-thread stall in ms per phase, with an
idle baseline and the load average (the machine is shared: a busy one stretches every gap).
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
CONFIRMATIONS = 12  # every third one changes the outcome


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

    # The window first, as a user's first 清理 in a program just started: nothing loaded but
    # what the program loads at start (the word index, in the background).
    window_bench(tmp, len(built))

    from workbench.checking import builtin_engine
    from workbench.log import ReviewLog
    from workbench.stock.cleanup import recheck, run_cleanup

    with ReviewLog.open(tmp / "core.sqlite3") as log:
        t = time.perf_counter()
        builtin_engine()
        report = run_cleanup(log, AS_OF, tmp / "docs")
        dt = time.perf_counter() - t
        print(f"core: import + 清理 of {report.documents} documents: {dt:.1f} s ({report.documents / dt:.0f} documents/s; "
              "rules and registry already loaded by the window's run)")
        t = time.perf_counter()
        again = recheck(log, report.run_id)
        print(f"core: re-check of the run: {time.perf_counter() - t:.1f} s, {len(again.changed)} changed")
        t = time.perf_counter()
        ok = log.verify().ok
        print(f"log verify: {'ok' if ok else 'FAILED'} in {time.perf_counter() - t:.1f} s, "
              f"{(tmp / 'core.sqlite3').stat().st_size / 1e6:.1f} MB")


class Heartbeat:
    """A 5 ms QTimer on the GUI thread: each gap between ticks longer than that is a stall (the
    window could not repaint or take a click). With each gap, the GUI thread's own CPU time in it:
    a long gap with little of it was spent waiting (for the GIL, or for a core on a busy machine)."""

    def __init__(self, status):
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.status = status
        self.clock = QElapsedTimer()
        self.clock.start()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.gaps: list[tuple[float, float, str]] = []  # (ms, GUI-thread CPU ms, status bar)
        self.last = (self.clock.elapsed(), time.thread_time())

    def _tick(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time()
        self.gaps.append((now - self.last[0], (cpu - self.last[1]) * 1000, self.status()))
        self.last = (now, cpu)

    def worst(self) -> tuple[float, float, str]:
        return max(self.gaps, default=(0.0, 0.0, ""))

    def line(self, what: str) -> str:
        gap, cpu, status = self.worst()
        ms = sorted(g for g, _c, _s in self.gaps)
        p99 = ms[int(len(ms) * 0.99)] if ms else 0
        return (f"{what}: longest GUI-thread stall {gap:.0f} ms (GUI thread's own CPU in it {cpu:.0f} ms; "
                f"at “{status}”), 99th percentile {p99:.0f} ms, {len(ms)} ticks")


def window_bench(tmp: Path, expected: int) -> None:
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.gui import stock_menu
    from workbench.gui.main_window import MainWindow
    from workbench.log import ReviewLog
    from workbench.text.segment import preload_words
    from workbench.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    preload_words()  # what the program does at start, in the background
    log = ReviewLog.open(tmp / "window.sqlite3")
    window = MainWindow(Workspace(log, {"reviewer": "基准"}))
    window.show()
    stock = stock_menu.open_stock(window, 2)

    def spin(until):
        while not until():
            app.processEvents()
            time.sleep(0.001)

    def spin_for(seconds):
        end = time.perf_counter() + seconds
        spin(lambda: time.perf_counter() > end)

    spin(lambda: stock.idle)
    doing = ["启动"]  # what the user last did, named with each stall
    beat = Heartbeat(lambda: f"{doing[0]}；状态栏：{stock.status_label.text()}")
    spin_for(3)  # nothing running: what this (shared) machine's scheduler adds
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(beat.line("window idle (baseline)"))
    beat.reset()
    t = time.perf_counter()
    view = stock.cleanup_view
    view.as_of.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
    doing[0] = "清理文件夹"
    view.start(str(tmp / "docs"))
    spin(lambda: stock.idle and view.model.rowCount() >= expected)
    print(f"window: 清理文件夹 (import + 清理) of {expected} documents shown in {time.perf_counter() - t:.1f} s")
    print(beat.line("window, while importing and checking"))
    # The user then works through the result: a row chosen, the proposal confirmed or changed (with
    # a reason, in the dialog), each written and shown before the next.
    view.table.scrollToBottom()
    beat.reset()
    for n in range(CONFIRMATIONS):
        doing[0] = f"第 {n + 1} 件：选中"
        view.table.selectRow(expected // 3 + n)
        if n % 3 == 2:
            item = view.model.record(view.proxy.mapToSource(view.proxy.index(expected // 3 + n, 0)).row())
            other = "lapse" if item.outcome != "lapse" else "continue"

            def fill(other=other):
                dialog = QApplication.activeModalWidget()
                if dialog is None:
                    QTimer.singleShot(5, fill)
                    return
                dialog.outcome.setCurrentIndex(dialog.outcome.findData(other))
                dialog.reason.setText("经评估，不再适用")
                dialog.accept()
            QTimer.singleShot(0, fill)
            doing[0] = f"第 {n + 1} 件：改变结论（对话框）"
            view.change()
        else:
            doing[0] = f"第 {n + 1} 件：确认建议"
            view.confirm()
        doing[0] += "，写入并显示"
        spin(lambda: stock.idle)
        spin_for(0.1)
    print(beat.line(f"window, {CONFIRMATIONS} confirmations and changes"))
    for gap, cpu, during in sorted(beat.gaps, reverse=True)[:6]:
        print(f"  {gap:.0f} ms (GUI CPU {cpu:.0f} ms) at {during}")
    beat.timer.stop()
    window.close()
    log.close()


if __name__ == "__main__":
    main()
