"""The register of issued normative documents (import, correct what was misread) and 到期提醒."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from workbench.gui.dialogs import ok_cancel_buttons
from workbench.gui.models import RecordRole, SortRole
from workbench.gui.panels import make_table
from workbench.gui.stock_models import IssuedModel, ReminderModel
from workbench.intake import SUPPORTED_SUFFIXES
from workbench.stock.model import STATUS_LABELS

FILE_FILTER = "规范性文件 (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ");;所有文件 (*)"
DUE_DAYS = 15


def _selected(view):
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return view.model().data(rows[0], RecordRole) if rows else None


def _sorted_table(model, widths, sort_column: int = -1):
    """A sortable table over ``model``; rows in the model's order until a heading is clicked
    (or sorted by ``sort_column``)."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = make_table(proxy, widths, sortable=True)
    view.horizontalHeader().setSortIndicator(sort_column, Qt.AscendingOrder)
    return proxy, view


def import_work(paths):
    """Work for StockWindow.run: register the files under ``paths``; returns (added, existing, errors)."""

    def work(log, progress):
        from workbench.log.stock import StockRecords
        from workbench.stock.reading import files_in, read_files

        files = [p for target in paths for p in files_in(target)]
        read = read_files(files, "normative", progress, 0.0, 0.95)
        progress.step("正在登记", 0.97)
        ids = StockRecords(log).add_issued([r.record for r in read if r.record])
        new = sum(1 for _, n in ids if n)
        return new, len(ids) - new, [f"{r.path.name}：{r.error}" for r in read if r.record is None]

    return work


class IssuedView(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.model = IssuedModel(self)
        self.proxy, self.table = _sorted_table(self.model, (70, 380, 160, 140, 90, 90, 90))
        self.table.doubleClicked.connect(lambda _i: self.correct())
        buttons = QHBoxLayout()
        for text, slot in (("导入文件夹…", self.import_folder), ("导入文件…", self.import_files),
                           ("更正所选文件…", self.correct)):
            buttons.addWidget(QPushButton(text, clicked=slot))
        buttons.addStretch(1)
        self.summary = QLabel()
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def show_documents(self, docs) -> None:
        self.model.as_of = date.today()
        self.model.window_days = self.window_.reminder_days()
        self.model.set_records(docs)
        self.counts = {k: 0 for k in STATUS_LABELS}
        for d in docs:
            self.counts[d.status(self.model.as_of, self.model.window_days)] += 1
        self._show_counts()

    def replace_document(self, doc) -> None:
        """One document's new state (a correction, a 清理 decision): its row and the counts."""
        old = next((d for d in self.model.records() if d.id == doc.id), None)
        if old is None:
            return
        self.model.replace_record(lambda d: d.id == doc.id, doc)
        as_of, days = self.model.as_of, self.model.window_days
        self.counts[old.status(as_of, days)] -= 1
        self.counts[doc.status(as_of, days)] += 1
        self._show_counts()

    def _show_counts(self) -> None:
        self.summary.setText(f"共 {self.model.rowCount()} 件：" + "，".join(
            f"{STATUS_LABELS[k]} {v}" for k, v in self.counts.items()))

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放已发布规范性文件的文件夹")
        if folder:
            self.import_paths([folder])

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择已发布的规范性文件", "", FILE_FILTER)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths) -> None:
        def done(result):
            new, existing, errors = result
            text = f"登记规范性文件 {new} 件" + (f"，{existing} 件此前已登记" if existing else "")
            self.window_.status_label.setText(text)
            if errors:
                self.window_.show_error("部分文件未能登记", "\n".join(errors[:20]))

        self.window_.run("登记规范性文件", import_work([str(p) for p in paths]), done)

    def correct(self) -> None:
        d = _selected(self.table)
        if d is None:
            return
        dialog = CorrectDialog(d, self)
        if dialog.exec() == QDialog.Accepted:
            changes, reason = dialog.values()
            self.window_.write(self.window_.stock.correct_issued, d.id, changes, reason=reason, actor=self.window_.reviewer)


def _qdate(iso: str | None) -> QDate:
    if not iso:
        return QDate()
    d = date.fromisoformat(iso)
    return QDate(d.year, d.month, d.day)


class CorrectDialog(QDialog):
    """Correct title, 文号, organ, dates and period as read off the text (the reading stays in the log)."""

    def __init__(self, d, parent=None):
        super().__init__(parent)
        self.setWindowTitle("更正文件信息")
        self.doc = d
        self.title = QLineEdit(d.title)
        self.number = QLineEdit(d.doc_number)
        self.organ = QLineEdit(d.organ)
        self.dates = {}
        self.touched: set[str] = set()
        form = QFormLayout(self)
        form.addRow("标题", self.title)
        form.addRow("文号", self.number)
        form.addRow("制定机关", self.organ)
        for key, label in (("issued", "印发日期"), ("effective", "施行日期"), ("expires", "有效期至")):
            edit = QDateEdit(_qdate(getattr(d, key)) if getattr(d, key) else QDate.currentDate(), calendarPopup=True,
                             displayFormat="yyyy-MM-dd")
            self.dates[key] = edit
            if not getattr(d, key):  # not read: only a date the user sets is recorded
                edit.dateChanged.connect(lambda _d, k=key: self.touched.add(k))
            form.addRow(label, edit)
        self.validity = QLineEdit(d.validity)
        self.validity.setPlaceholderText("如：有效期五年（未载明时留空）")
        form.addRow("有效期表述", self.validity)
        self.provisional = QCheckBox("名称冠以“暂行”“试行”")
        self.provisional.setChecked(d.provisional)
        form.addRow("", self.provisional)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("如：以印发稿为准")
        form.addRow("更正理由", self.reason)
        form.addRow(ok_cancel_buttons(self, "保存更正"))

    def values(self) -> tuple[dict, str]:
        changes = {"title": self.title.text(), "doc_number": self.number.text(), "organ": self.organ.text(),
                   "validity": self.validity.text(), "provisional": self.provisional.isChecked()}
        for key, edit in self.dates.items():
            if not getattr(self.doc, key) and key not in self.touched:
                continue
            q = edit.date()
            changes[key] = date(q.year(), q.month(), q.day())
        return changes, self.reason.text()


class RemindersView(QWidget):
    """Documents lapsing within the window (default 90 days), and one action to review one."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.docs = []
        self.days = QSpinBox(minimum=1, maximum=730, suffix=" 天内到期")
        self.days.setValue(window.reminder_days())
        self.days.valueChanged.connect(self._days_changed)
        self.model = ReminderModel(self)
        self.proxy, self.table = _sorted_table(self.model, (110, 90, 420, 170))
        self.table.doubleClicked.connect(lambda _i: self.open_review())
        self.review_button = QPushButton("对所选文件开始审查", clicked=self.open_review)
        self.heading = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("提醒范围："))
        top.addWidget(self.days)
        top.addWidget(self.heading, 1)
        top.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def due(self, docs) -> list:
        today = date.today()
        window = self.days.value()
        return sorted((d for d in docs if d.status(today, window) == "expiring"), key=lambda d: d.expires)

    def show_documents(self, docs) -> None:
        self.docs = docs
        due = self.due(docs)
        self.model.as_of = date.today()
        self.model.set_records(due)
        self.heading.setText(f"{len(due)} 件规范性文件将在 {self.days.value()} 天内到期，请在届满前评估是否继续施行。"
                             if due else f"{self.days.value()} 天内没有到期的规范性文件。")

    def replace_document(self, doc) -> None:
        """One document's new state: in or out of the reminders (re-filtered from what is held)."""
        self.docs = [doc if d.id == doc.id else d for d in self.docs]
        was_due = any(d.id == doc.id for d in self.model.records())
        if was_due != (doc.status(date.today(), self.days.value()) == "expiring"):
            self.show_documents(self.docs)  # a row comes or goes
        elif was_due:
            self.model.replace_record(lambda d: d.id == doc.id, doc)

    def _days_changed(self, value: int) -> None:
        self.window_.settings["expiry_reminder_days"] = value
        try:
            self.window_.main.ws.save_settings()
        except OSError:
            pass  # a convenience only
        self.show_documents(self.docs)

    def open_review(self) -> None:
        """Register a legality review of the selected document in the main window (its stored file)."""
        d = _selected(self.table)
        if d is None:
            return
        stored = self.window_.stock.file(d.sha256)
        if stored is None:
            self.window_.show_error("无法开始审查", "日志中没有该文件的原件（可能由其他电脑合并导入），请用 文件 → 打开草案 选择原文件。")
            return
        folder = Path(tempfile.mkdtemp(prefix="workbench-review-"))
        path = folder / stored[0]
        path.write_bytes(stored[1])
        today = date.today()
        self.window_.main.open_paths([str(path)], particulars={
            "type": "legality", "unit": d.organ, "received": today, "due": today + timedelta(days=DUE_DAYS)})
        from workbench.gui.stock_menu import bring_to_front

        bring_to_front(self.window_.main)
