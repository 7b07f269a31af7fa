"""规范性文件清理 in the window: run as of a date, re-check, confirm or change each outcome, export."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from workbench.gui.dialogs import ok_cancel_buttons
from workbench.gui.issued_view import _selected, _sorted_table
from workbench.gui.models import RecordRole
from workbench.gui.stock_models import CleanupModel
from workbench.gui.tasks import run_in_background
from workbench.reports.layout import cn_date
from workbench.stock.model import OUTCOME_LABELS, OUTCOMES

CODE_DATE = QDate(2026, 8, 15)  # the 法典 took effect: the usual 清理 date this year


def cleanup_work(as_of: date, target=None):
    def work(log, progress):
        from workbench.stock.cleanup import run_cleanup

        return run_cleanup(log, as_of, target, progress=progress)

    return work


def recheck_work(run_id: str):
    def work(log, progress):
        from workbench.stock.cleanup import recheck

        return recheck(log, run_id, progress=progress)

    return work


class CleanupView(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.as_of = QDateEdit(CODE_DATE, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.runs = QComboBox()
        self.runs.currentIndexChanged.connect(lambda _i: self.show_run())
        self.model = CleanupModel(self)
        self.proxy, self.table = _sorted_table(self.model, (80, 110, 360, 150, 90, 420))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(lambda _i: self.change())
        self.detail = QPlainTextEdit(readOnly=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("清理基准日："))
        top.addWidget(self.as_of)
        top.addWidget(QPushButton("清理登记册中的现行文件", clicked=self.start))
        top.addWidget(QPushButton("清理文件夹…", clicked=self.start_folder))
        top.addSpacing(20)
        top.addWidget(QLabel("清理记录："))
        top.addWidget(self.runs, 1)
        top.addWidget(QPushButton("按现行登记册重新核查", clicked=self.recheck))
        actions = QHBoxLayout()
        self.confirm_button = QPushButton("确认建议", clicked=self.confirm)
        self.change_button = QPushButton("改变结论…", clicked=self.change)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.change_button)
        actions.addStretch(1)
        actions.addWidget(QPushButton("清理结果打印预览…", clicked=self.preview))
        actions.addWidget(QPushButton("清理结果 PDF…", clicked=self.export_pdf))
        actions.addWidget(QPushButton("导出 Excel…", clicked=self.export_xlsx))
        actions.addWidget(QPushButton("导出公布目录（Word）…", clicked=self.export_docx))
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([520, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

    # -- runs --------------------------------------------------------------------

    def apply(self, snapshot) -> None:
        """Show the runs and the items of the chosen one (read by the window off the GUI thread)."""
        self.runs.blockSignals(True)
        self.runs.clear()
        for r in snapshot.runs:
            self.runs.addItem(_run_label(r), r.id)
        self.runs.setCurrentIndex(self.runs.findData(snapshot.run_id) if snapshot.run_id else -1)
        self.runs.blockSignals(False)
        selected = _selected(self.table)
        self.model.set_records(snapshot.items)
        self._show_summary()
        if selected is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.data(self.proxy.index(row, 0), RecordRole).document.id == selected.document.id:
                    self.table.selectRow(row)
                    break
        self._show_detail()

    def _show_summary(self) -> None:
        from workbench.reports.cleanup import totals_text

        if not self.run_id():
            self.summary.setText("尚未进行清理：选择基准日后点“清理登记册中的现行文件”。")
            return
        items = self.model.records()
        changed = sum(1 for i in items if i.changed)
        self.summary.setText(totals_text(items) + (f"　重新核查后 {changed} 件建议有变化（蓝色）。" if changed else ""))

    def show_decision(self, decided) -> None:
        """After a confirmation or a change: that document's row, the run's counts and the
        register's row for the document; nothing else is re-read or reset."""
        run, item = decided
        index = self.runs.findData(run.id)
        if index >= 0:
            self.runs.setItemText(index, _run_label(run))
        if run.id == self.run_id():
            self.model.replace_record(lambda i: i.document.id == item.document.id, item)
            self._show_summary()
            self._show_detail()
        self.window_.show_document(item.document)

    def run_id(self) -> str | None:
        return self.runs.currentData()

    def show_run(self) -> None:
        self.window_.refresh(self.run_id())

    def _show_detail(self) -> None:
        item = _selected(self.table)
        if item is None:
            self.detail.setPlainText("")
            return
        d = item.document
        lines = [f"{d.label}　{d.organ}　印发 {cn_date(d.issued)}　施行 {cn_date(d.effective)}　有效期至 {cn_date(d.expires)}",
                 f"清理建议：{OUTCOME_LABELS[item.outcome]}"]
        lines += [f"　· {r.text}" for r in item.reasons] or ["　· 未发现问题"]
        if item.change_text():
            lines.append(f"重新核查的变化：{item.change_text()}")
        if item.decision:
            lines.append(f"清理结论：{OUTCOME_LABELS[item.decision]}（{item.decided_by}，{item.decided_at[:10]}）"
                         + (f"　理由：{item.decision_reason}" if item.decision_reason else "")
                         + ("　建议已变化，须重新确认" if item.decision_stale else ""))
        self.detail.setPlainText("\n".join(lines))

    def _as_of(self) -> date:
        q = self.as_of.date()
        return date(q.year(), q.month(), q.day())

    def start(self, target=None) -> None:
        self.window_.run("清理规范性文件", cleanup_work(self._as_of(), target), self._done)

    def start_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择要清理的规范性文件所在文件夹")
        if folder:
            self.start(folder)

    def recheck(self) -> None:
        if self.run_id():
            self.window_.run("重新核查", recheck_work(self.run_id()), self._done)

    def _done(self, report) -> None:
        text = f"清理完成：{report.documents} 件"
        if report.added:
            text += f"（新登记 {report.added} 件）"
        if report.changed:
            text += f"，{len(report.changed)} 件建议有变化"
        self.window_.status_label.setText(text)
        if report.errors:
            self.window_.show_error("部分文件未能读取", "\n".join(report.errors[:20]))

    # -- decisions ---------------------------------------------------------------

    def _decide(self, item, outcome: str, reason: str = "") -> None:
        run_id, doc_id = self.run_id(), item.document.id
        self.window_.write(self.window_.stock.decide, run_id, doc_id, outcome, reason=reason, actor=self.window_.reviewer,
                           read_back=lambda stock, _r: (stock.run(run_id), stock.item(run_id, doc_id)),
                           show=self.show_decision)

    def confirm(self) -> None:
        item = _selected(self.table)
        if item is not None:
            self._decide(item, item.outcome)

    def change(self) -> None:
        item = _selected(self.table)
        if item is None:
            return
        dialog = DecisionDialog(item, self)
        if dialog.exec() == QDialog.Accepted:
            self._decide(item, *dialog.values())

    # -- exports -----------------------------------------------------------------

    def _export(self, what: str, suffix: str, write) -> None:
        run_id = self.run_id()
        if not run_id:
            return
        path, _ = QFileDialog.getSaveFileName(self, f"导出{what}", f"规范性文件清理结果.{suffix}", f"{what} (*.{suffix})")
        if not path:
            return
        from workbench.reports.layout import page_furniture
        from workbench.reports.register import default_bureau

        run, items, bureau = self.window_.stock.run(run_id), self.model.records(), default_bureau()
        self.furniture = page_furniture(self.window_.log)
        self.window_.status_label.setText(f"正在生成{what}…")
        run_in_background(lambda: write(run, items, bureau, path),
                          lambda _r: self.window_.status_label.setText(f"{what}已保存：{path}"),
                          lambda exc: self.window_.show_error(f"{what}未能保存", getattr(exc, "message", str(exc))))

    def ledger(self):
        """The 清理结果 table of the run shown, as printed (the same table the Excel export holds)."""
        from workbench.reports.cleanup import cleanup_ledger
        from workbench.reports.layout import page_furniture
        from workbench.reports.register import default_bureau

        run_id = self.run_id()
        if not run_id:
            return None
        return cleanup_ledger(self.window_.stock.run(run_id), self.model.records(), default_bureau(),
                              furniture=page_furniture(self.window_.log))

    def preview(self) -> None:
        from workbench.gui.printing import preview_dialog

        ledger = self.ledger()
        if ledger is None:
            self.window_.status_label.setText("尚未进行清理，没有可打印的清理结果。")
            return
        preview_dialog(self, ledger).exec()

    def export_pdf(self) -> None:
        from workbench.gui.printing import export_pdf
        from workbench.reports.cleanup import cleanup_ledger

        self._export("清理结果 PDF", "pdf", lambda run, items, bureau, path: export_pdf(
            path, cleanup_ledger(run, items, bureau, furniture=self.furniture)))

    def export_xlsx(self) -> None:
        from workbench.reports import write_register_xlsx
        from workbench.reports.cleanup import cleanup_ledger

        self._export("Excel 清理结果", "xlsx", lambda run, items, bureau, path: write_register_xlsx(
            cleanup_ledger(run, items, bureau, furniture=self.furniture), path))

    def export_docx(self) -> None:
        from workbench.reports.cleanup import unconfirmed, write_cleanup_docx

        pending = unconfirmed(self.model.records())
        if pending:
            answer = QMessageBox.question(
                self, "尚有未确认的文件",
                f"{len(pending)} 件文件的清理结论尚未确认，导出的目录将按清理建议列入。仍要导出吗？")
            if answer != QMessageBox.Yes:
                return
        self._export("公布目录", "docx", lambda run, items, bureau, path: write_cleanup_docx(run, items, path, bureau=bureau))


def _run_label(r) -> str:
    return f"基准日 {cn_date(r.as_of)}　{r.source}　{r.documents} 件（已确认 {r.decided}）　{r.at[:10]}"


class DecisionDialog(QDialog):
    def __init__(self, item, parent=None):
        super().__init__(parent)
        self.setWindowTitle("清理结论")
        self.item = item
        self.outcome = QComboBox()
        for key in OUTCOMES:
            self.outcome.addItem(OUTCOME_LABELS[key], key)
        self.outcome.setCurrentIndex(OUTCOMES.index(item.decision or item.outcome))
        self.reason = QLineEdit(item.decision_reason)
        self.reason.setPlaceholderText("改变清理建议时必须写明理由")
        form = QFormLayout(self)
        form.addRow("文件", QLabel(item.document.label))
        form.addRow("清理建议", QLabel(OUTCOME_LABELS[item.outcome]))
        form.addRow("清理结论", self.outcome)
        form.addRow("理由", self.reason)
        form.addRow(ok_cancel_buttons(self, "确认结论"))

    def values(self) -> tuple[str, str]:
        return self.outcome.currentData(), self.reason.text()
