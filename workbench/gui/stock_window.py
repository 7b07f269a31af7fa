"""The stock window: the register of issued documents, 到期提醒, 清理 and 案卷评查, one tab each.

Slow work (reading a folder, re-checking hundreds of documents) runs off the GUI thread
through ``tasks.run_in_background`` on a log connection of its own (SQLite connections
stay on their thread); the tabs re-read the log when it is done. Progress shows in the
window's status bar with a cancel button.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QTabWidget

from workbench.errors import WorkbenchError
from workbench.gui.collection import collect_now, collection_between_documents
from workbench.gui.stock_menu import TAB_CASES, TAB_CLEANUP, TAB_ISSUED, TAB_REMINDERS  # noqa: F401 (the tabs, in order)
from workbench.gui.tasks import run_in_background
from workbench.log import ReviewLog
from workbench.log.stock import StockRecords
from workbench.progress import Cancelled, Progress
from workbench.stock.model import DEFAULT_REMINDER_DAYS


@dataclass(frozen=True)
class Snapshot:
    """Everything the tabs show, read in one go off the GUI thread (hundreds of documents
    take longer to read than a window may stall)."""

    docs: list
    runs: list
    run_id: str | None
    items: list
    year: int
    cases: list
    figures: object


def read_snapshot(log: ReviewLog, run_id: str | None, year: int) -> Snapshot:
    from workbench.stock.cases import figures_of

    stock = StockRecords(log)
    runs = stock.runs()
    if run_id not in {r.id for r in runs}:
        run_id = runs[0].id if runs else None
    cases = stock.cases(year)
    docs = stock.issued()
    return Snapshot(docs, runs, run_id, stock.items(run_id, docs) if run_id else [], year, cases, figures_of(cases, year))


class _Relay(QObject):
    stepped = Signal(str, float)


class StockWindow(QMainWindow):
    """Opened from the main window's 存量 menu; ``main`` is that window (to open a review)."""

    def __init__(self, main):
        super().__init__(main)
        from workbench.gui.cases_view import CasesView
        from workbench.gui.cleanup_view import CleanupView
        from workbench.gui.issued_view import IssuedView, RemindersView

        self.main = main
        self.setWindowTitle("规范性文件清理与案卷评查")
        self.setWindowFlag(Qt.Window, True)
        self.resize(1280, 780)
        self.busy = False
        self.loading = False  # a re-read of the log is on its way
        self.writes = 0  # records being written
        self._generation = 0
        self.token: Progress | None = None
        self.relay = _Relay(self)
        self.relay.stepped.connect(self._on_step)
        self.tabs = QTabWidget()
        self.issued_view = IssuedView(self)
        self.reminders_view = RemindersView(self)
        self.cleanup_view = CleanupView(self)
        self.cases_view = CasesView(self)
        for view, label in ((self.issued_view, "文件登记"), (self.reminders_view, "到期提醒"),
                            (self.cleanup_view, "规范性文件清理"), (self.cases_view, "案卷评查")):
            self.tabs.addTab(view, label)
        self.setCentralWidget(self.tabs)
        self.status_label = QLabel("就绪")
        self.progress = QProgressBar(maximumWidth=240)
        self.progress.hide()
        self.cancel_button = QPushButton("取消", clicked=self.cancel)
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.refresh()

    # -- shared by the tabs ------------------------------------------------------

    @property
    def log(self) -> ReviewLog:
        return self.main.ws.log

    @property
    def stock(self) -> StockRecords:
        return StockRecords(self.log)

    @property
    def settings(self) -> dict:
        return self.main.ws.settings

    @property
    def reviewer(self) -> str:
        return self.main.ws.reviewer

    def reminder_days(self) -> int:
        try:
            return int(self.settings.get("expiry_reminder_days") or DEFAULT_REMINDER_DAYS)
        except (TypeError, ValueError):
            return DEFAULT_REMINDER_DAYS

    def refresh(self, run_id: str | None = None) -> None:
        """Re-read everything shown from the log, on a worker thread; ``run_id``: the 清理 run to show."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        path = self.log.path
        params = (run_id or self.cleanup_view.run_id(), self.cases_view.year.value())

        def load():
            with collection_between_documents(), ReviewLog.open(path) as log:
                return read_snapshot(log, *params)

        def apply(snapshot: Snapshot):
            if generation != self._generation:
                return  # a later refresh is on its way
            self.loading = False
            self.issued_view.show_documents(snapshot.docs)
            self.reminders_view.show_documents(snapshot.docs)
            self.cleanup_view.apply(snapshot)
            self.cases_view.apply(snapshot)

        def failed(exc):
            if generation == self._generation:
                self.loading = False
            self.show_error("无法读取审查日志", getattr(exc, "message", f"{type(exc).__name__}: {exc}"))

        run_in_background(load, apply, failed)

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Warning, title, message, parent=self)
        box.setModal(False)
        box.show()
        self.last_error_box = box

    def run(self, what: str, work, on_done) -> bool:
        """Run ``work(log, progress)`` on a worker thread with a log connection of its own,
        then ``on_done(result)`` here. False if other work is still running."""
        if self.busy:
            self.status_label.setText("请等待当前任务完成")
            return False
        path = self.log.path
        relay = self.relay

        def step(label: str, fraction: float) -> None:  # on the worker thread, between documents
            collect_now()
            relay.stepped.emit(label, fraction)

        token = Progress(on_step=step)
        self.token = token
        self._set_busy(True, f"正在{what}…")

        def job():
            with collection_between_documents(checking=True), ReviewLog.open(path) as log:
                return work(log, token)

        def done(result):
            self._set_busy(False, f"{what}完成")
            self.refresh(getattr(result, "run_id", None))
            on_done(result)

        def failed(exc):
            self._set_busy(False, "已取消" if isinstance(exc, Cancelled) else f"{what}未完成")
            self.refresh()
            if isinstance(exc, WorkbenchError):
                self.show_error(f"{what}未完成", exc.message)
            elif not isinstance(exc, Cancelled):
                self.show_error("程序出错", f"{what}时程序出错（{type(exc).__name__}: {exc}）。日志中已有的记录不受影响。")

        run_in_background(job, done, failed)
        return True

    @property
    def idle(self) -> bool:
        """Nothing running, being written or re-read (what tests and scripts wait for)."""
        return not (self.busy or self.loading or self.writes)

    def cancel(self) -> None:
        if self.token:
            self.token.cancel()

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setValue(0)
        self.status_label.setText(text)

    def _on_step(self, label: str, fraction: float) -> None:
        if self.busy:
            self.progress.setValue(int(fraction * 100))
            self.status_label.setText(label)

    def write(self, method, *args, read_back=None, show=None, **kwargs) -> None:
        """Record one thing (``method`` of ``StockRecords``, e.g. ``self.stock.decide``) on a worker
        thread's log connection, then re-read: even one write waits for the disk (synchronous
        FULL), which on a busy machine is longer than a window may stall. An expected failure
        is shown, not raised.

        ``read_back(stock, result)``, on the worker after the write, reads just what changed and
        ``show(value)`` puts it in the tabs, instead of re-reading and re-showing everything (with
        500 documents a full re-read and four tables reset were the longest stall after a click)."""
        name = method.__name__
        path = self.log.path
        self.writes += 1

        def job():
            with ReviewLog.open(path) as log:
                stock = StockRecords(log)
                result = getattr(stock, name)(*args, **kwargs)
                return read_back(stock, result) if read_back else result

        def done(value):
            self.writes -= 1
            if show:
                show(value)
            else:
                self.refresh()

        def failed(exc):
            self.writes -= 1
            self.refresh()
            if isinstance(exc, WorkbenchError):
                self.show_error("未能记录", exc.message)
            else:
                self.show_error("程序出错", f"记录时程序出错（{type(exc).__name__}: {exc}）。日志中已有的记录不受影响。")

        run_in_background(job, done, failed)

    def show_document(self, doc) -> None:
        """One issued document changed (e.g. a 清理 decision repealed it): its row in the register
        and the reminders, not the whole tables."""
        self.issued_view.replace_document(doc)
        self.reminders_view.replace_document(doc)

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)
