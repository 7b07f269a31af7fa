"""The annotated draft in the window: 文件 → 导出批注稿, and the unit's answers (单位答复).

``install(window, file_menu)`` is the one hook: it adds the menu action and the
单位答复 tab beside 与前稿对比; the window calls ``window.annotation.show(state,
document, revision)`` whenever it shows a review. The work itself is
``workbench.annotate`` (no Qt); writing the file and reading a returned
draft's comments run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from workbench.gui.models import RecordTableModel
from workbench.gui.panels import make_table
from workbench.gui.tasks import run_in_background
from workbench.progress import Cancelled, Progress

TAB_TITLE = "单位答复"


def default_output(file_name: str) -> str:
    return f"{Path(file_name).stem}（审查意见批注稿）.docx"


class AnnotateDialog(QDialog):
    """Where to save the annotated draft, and what goes in it."""

    def __init__(self, suggested: str, open_findings: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("导出批注稿")
        self.path = QLineEdit(suggested)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.with_dismissed = QCheckBox("不采纳的问题也写入批注（注明理由）")
        self.tracked = QCheckBox("已废止法律的名称以修订方式改为替代它的法律（条文序号不改，在批注中提示）")
        self.tracked.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("在送审单位的原文中，以 Word 批注写明每项采纳的问题和每条法律顾问意见。"))
        layout.addLayout(row)
        layout.addWidget(self.with_dismissed)
        layout.addWidget(self.tracked)
        if open_findings:
            note = QLabel(f"尚有 {open_findings} 项问题未处理，不会写入批注稿。")
            note.setStyleSheet("color:#b26a00")
            layout.addWidget(note)
        from workbench.gui.dialogs import ok_cancel_buttons

        layout.addWidget(ok_cancel_buttons(self, "导出"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存批注稿", self.path.text(), "Word 文档 (*.docx)")
        if path:
            self.path.setText(path if path.lower().endswith(".docx") else path + ".docx")


class AnswersModel(RecordTableModel):
    """(finding label and problem, comparison status, the unit's answer) rows."""

    COLUMNS = ("前稿问题", "与修订稿对比", "送审单位答复")

    def cell(self, row, column, role):
        return row[column]

    def decorate(self, row, column, role):
        if role == Qt.ForegroundRole and column == 1 and row[1]:
            return QBrush(QColor("#2e7d32") if row[1] == "已解决" else QColor("#b3261e"))
        if role == Qt.ToolTipRole:
            return row[column]
        return None


class AnswersPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = AnswersModel(self)
        self.table = make_table(self.model, (260, 90))
        self.others = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel("送审单位的其他批注"))
        layout.addWidget(self.others, 1)
        self.clear("")

    def clear(self, text: str) -> None:
        self.title.setText(text or "本文件不是已审查文件的修订稿；送审单位在修订稿中以批注答复的意见会显示在这里。")
        self.model.set_records([])
        self.others.clear()

    def set_answers(self, earlier, revision, answers) -> None:
        from workbench.revision import STATUS_LABELS

        rows = []
        # revision.statuses follow the earlier review's findings one for one
        for f, status in zip(earlier.findings, revision.statuses):
            if f.status != "accepted":
                continue
            rows.append((f"{f.label}　{f.message}", STATUS_LABELS[status.status],
                         answers.text(f.label).replace("\n", "；") or "（未答复）"))
        for point in answers.by_point:
            if not point.startswith("F"):
                rows.append((point, "", answers.text(point).replace("\n", "；")))
        self.model.set_records(rows)
        answered = sum(1 for r in rows if r[2] != "（未答复）")
        self.title.setText(f"送审单位在修订稿中以批注答复了前稿 {answered} 项问题或意见（共 {len(rows)} 项）。")
        self.others.setHtml("".join(
            f"<p><b>{_esc(c.author)}</b>：{_esc(c.text)}" + (f"<br><span style='color:#666'>针对“{_esc(c.anchor)}”</span>" if c.anchor else "") + "</p>"
            for c in answers.others) or "<p style='color:#666'>（无）</p>")


class AnnotationController:
    """The menu action and the answers tab of one window."""

    def __init__(self, window, file_menu):
        self.window = window
        self.action = QAction("导出批注稿…(&A)", window, triggered=self.export)
        self.action.setToolTip("在送审单位的原文中以批注写明问题与意见，供退回修改")
        file_menu.addAction(self.action)
        self.panel = AnswersPanel()
        window.tabs.addTab(self.panel, TAB_TITLE)
        self._shown = None

    # -- export -------------------------------------------------------------

    def export(self) -> None:
        window = self.window
        state = window.state
        if state is None:
            window.show_error("没有选中的审查", "请先在左侧队列中选择一件审查，再导出批注稿。")
            return
        stored = window.ws.stored_file(state.id)
        if stored is None:
            window.show_error("原文不可用", "本日志中没有这份草案的原文（可能是从其他电脑合并来的记录），无法生成批注稿。")
            return
        open_findings = sum(1 for f in state.findings if f.status == "open")
        folder = Path(window.ws.settings.get("last_export_dir") or Path.home())
        dialog = AnnotateDialog(str(folder / default_output(stored[0])), open_findings, window)
        if dialog.exec() != QDialog.Accepted or not dialog.path.text().strip():
            return
        out = dialog.path.text().strip()
        options = {"include_dismissed": dialog.with_dismissed.isChecked(), "tracked_changes": dialog.tracked.isChecked()}
        self.run_export(state, stored, out, **options)

    def run_export(self, state, stored, out: str, **options) -> None:
        from workbench.annotate import annotate

        window = self.window
        progress = Progress(on_step=window.relay.stepped.emit)
        window.progress_token = progress  # the status bar's 取消 button stops it
        window._set_busy(True, "正在生成批注稿…")

        def done(result) -> None:
            window._set_busy(False)
            window.status_label.setText(f"批注稿已保存：{result.path}（{result.summary()}）")
            window.ws.settings["last_export_dir"] = str(Path(result.path).parent)
            try:
                window.ws.save_settings()
            except OSError:
                pass  # a convenience only
            if result.remarks:
                window.show_error("批注稿已保存", "\n".join(result.remarks))

        def failed(exc) -> None:
            window._set_busy(False)
            if isinstance(exc, Cancelled):
                window.status_label.setText("已取消，未保存批注稿")
                return
            window.show_error("批注稿未能保存", getattr(exc, "message", f"{type(exc).__name__}: {exc}"))

        run_in_background(lambda: annotate(state, *stored, out, progress=progress, **options), done, failed)

    # -- answers --------------------------------------------------------------

    def show(self, state, document, revision) -> None:
        """Fill the 单位答复 tab for the review shown (its draft's comments, read off the GUI thread)."""
        self._shown = state.id if state is not None else None
        if state is None or revision is None:
            self.panel.clear("")
            return
        from workbench.annotate.replies import group_answers, read_comments, revised_draft  # not at start: no review shown

        found = revised_draft(self.window.ws.log, state.id)
        if found is None:
            self.panel.clear("修订稿不是 Word 文档，无法读取其中的批注答复。")
            return
        earlier, data = found
        shown = state.id
        self.panel.clear("正在读取修订稿中的批注…")
        run_in_background(
            lambda: group_answers(read_comments(data)),
            lambda answers: self._shown == shown and self.panel.set_answers(earlier, revision, answers),
            lambda exc: self.panel.clear(f"无法读取修订稿中的批注：{getattr(exc, 'message', exc)}"),
        )


def install(window, file_menu) -> AnnotationController:
    window.annotation = AnnotationController(window, file_menu)
    return window.annotation


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
