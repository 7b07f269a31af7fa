"""The 台账与报表 menu: the register, the opinion letter of the shown review, the year's figures.

Builders (no Qt) come from ``workbench.reports``; printing and PDF from
``workbench.gui.printing`` (one render path for preview, print and PDF).
PDF and .docx/.xlsx files are written off the GUI thread.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSpinBox, QTabWidget, QTextBrowser, QVBoxLayout,
)

from workbench.errors import WorkbenchError
from workbench.gui.tasks import run_in_background
from workbench.log.model import REVIEW_TYPE_LABELS


def save_path(*args) -> str:
    """``workbench.gui.file_dialogs.save_path``, imported when first used, not with the menu (issue #15)."""
    from workbench.gui import file_dialogs

    return file_dialogs.save_path(*args)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _save_in_background(window, what: str, write, path: str) -> None:
    window.status_label.setText(f"正在生成{what}…")
    window.progress.setRange(0, 0)  # busy indicator: no stages to report
    window.progress.show()

    def done(_result):
        window.progress.hide()
        window.progress.setRange(0, 100)
        window.status_label.setText(f"{what}已保存：{path}")

    def failed(exc):
        window.progress.hide()
        window.progress.setRange(0, 100)
        window.show_error(f"{what}未能保存", getattr(exc, "message", f"{type(exc).__name__}: {exc}"))

    run_in_background(lambda: write(path), done, failed)


class RegisterDialog(QDialog):
    """Choose the period and filters, then preview, print, or save as PDF / Excel."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("审查台账")
        year = date.today().year
        self.date_from = QDateEdit(QDate(year, 1, 1), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(QDate(year, 12, 31), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.type_box = QComboBox()
        self.type_box.addItem("全部", None)
        for key, label in REVIEW_TYPE_LABELS.items():
            self.type_box.addItem(label, key)
        self.conclusion_box = QComboBox()
        self.conclusion_box.addItem("全部", None)
        for key, label in (("pass", "通过 / 符合"), ("amend", "修改后通过"), ("reject", "不予通过 / 不符合")):
            self.conclusion_box.addItem(label, key)
        self.unit_box = QComboBox(editable=True)
        self.unit_box.addItem("")
        self.unit_box.addItems(window.queue.units())
        form = QFormLayout()
        form.addRow("收文日期自", self.date_from)
        form.addRow("至", self.date_to)
        form.addRow("审查类型", self.type_box)
        form.addRow("审查结论", self.conclusion_box)
        form.addRow("送审单位", self.unit_box)
        buttons = QHBoxLayout()
        for text, slot in (("打印预览…", self.preview), ("打印…", self.print_), ("导出 PDF…", self.save_pdf),
                           ("导出 Excel…", self.save_xlsx), ("关闭", self.reject)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def register(self):
        from workbench.reports import build_register

        return build_register(
            self.window_.ws.log, _pydate(self.date_from.date()), _pydate(self.date_to.date()),
            type=self.type_box.currentData(), conclusion=self.conclusion_box.currentData(),
            unit=self.unit_box.currentText().strip() or None, bureau=self.window_.ws.settings.get("bureau_name", ""),
        )

    def preview(self) -> None:
        from workbench.gui.printing import print_preview_register

        print_preview_register(self, self.register())

    def print_(self) -> None:
        from workbench.gui.printing import print_register

        print_register(self, self.register())

    def save_pdf(self) -> None:
        from workbench.gui.printing import export_register_pdf

        path = save_path(self, "导出审查台账", f"审查台账-{date.today().isoformat()}.pdf", "PDF (*.pdf)")
        if path:
            register = self.register()  # read the log here, on its thread
            _save_in_background(self.window_, "审查台账 PDF", lambda p: export_register_pdf(p, register), path)

    def save_xlsx(self) -> None:
        from workbench.reports import write_register_xlsx

        path = save_path(self, "导出审查台账", f"审查台账-{date.today().isoformat()}.xlsx", "Excel (*.xlsx)")
        if path:
            register = self.register()
            _save_in_background(self.window_, "审查台账 Excel", lambda p: write_register_xlsx(register, p), path)


class StatsDialog(QDialog):
    """The year's figures: tables, a chart, and the paragraph for the annual report."""

    def __init__(self, window):
        super().__init__(window)
        from workbench.gui.printing import StatsChart

        self.window_ = window
        self.setWindowTitle("年度统计")
        self.resize(900, 640)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.tables = QTextBrowser()
        self.chart = StatsChart(None, self)
        self.paragraph = QPlainTextEdit(readOnly=True)
        copy = QPushButton("复制这段文字")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.paragraph.toPlainText()))
        tabs = QTabWidget()
        tabs.addTab(self.tables, "统计表")
        tabs.addTab(self.chart, "图表")
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch(1)
        for text, slot in (("打印预览…", self.preview), ("导出 PDF…", self.save_pdf), ("关闭", self.reject)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs, 1)
        layout.addWidget(QLabel("可直接用于年度法治政府建设报告的表述："))
        layout.addWidget(self.paragraph)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        layout.addLayout(row)
        self.stats = None
        self.refresh()

    def refresh(self) -> None:
        from workbench.reports import year_stats

        self.stats = year_stats(self.window_.ws.log, self.year.value())
        html = []
        for s in self.stats.sections():
            head = "".join(f"<th>{c}</th>" for c in s.columns)
            body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in s.rows)
            html.append(f"<h4>{s.title}</h4><table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>")
        self.tables.setHtml("".join(html))
        self.chart.set_stats(self.stats)
        self.paragraph.setPlainText(self.stats.paragraph())

    def preview(self) -> None:
        from workbench.gui.printing import print_preview_stats

        print_preview_stats(self, self.stats)

    def save_pdf(self) -> None:
        from workbench.gui.printing import export_stats_pdf

        path = save_path(self, "导出年度统计", f"年度统计-{self.year.value()}.pdf", "PDF (*.pdf)")
        if path:
            stats = self.stats
            _save_in_background(self.window_, "年度统计 PDF", lambda p: export_stats_pdf(p, stats), path)


class LetterActions:
    """The opinion letter of the review shown (a closed review only), with its 文号.

    The number is the one the log gave the letter, else the next free one of the
    year; the reviewer may change it in the letter dialog (as ``--number`` does).
    It is taken (logged) when the letter is printed or exported, not on preview.
    """

    def __init__(self, window):
        self.window = window

    def _ready(self) -> bool:
        w = self.window
        if w.state is None or w.state.conclusion is None:
            w.show_error("尚不能出具意见书", "请先办结本次审查（“结论”页），再出具审核意见书。")
            return False
        if not w.ensure_bureau_name():
            return False
        w.ensure_letter_prefix()
        return True

    def number(self) -> str:
        w = self.window
        return w.ws.log.letter_number(w.state.id, w.ws.settings.get("letter_prefix", ""))

    def letter(self, number: str | None = None):
        """The letter as it would print now (with ``number``, else its own or the next free one)."""
        from workbench.reports import build_letter
        from workbench.reports.layout import page_furniture

        if not self._ready():
            return None
        w = self.window
        return build_letter(w.ws.review(w.state.id), bureau=w.ws.settings.get("bureau_name", ""),
                            number=number if number is not None else self.number(), document=w.document,
                            furniture=page_furniture(w.ws.log))

    def issue(self, number: str = ""):
        """Give the letter its 文号 in the log (``number`` if changed by hand) and return the letter."""
        w = self.window
        if not self._ready():
            return None
        typed = (number or "").strip()
        try:
            record = w.ws.log.issue_letter(w.state.id, prefix=w.ws.settings.get("letter_prefix", ""),
                                           number=typed if typed and typed != self.number() else None,
                                           actor=w.ws.reviewer)
        except WorkbenchError as exc:
            w.show_error("文号不能使用", exc.message)
            return None
        w.show_current()
        return self.letter(record.number)

    def dialog(self) -> None:
        if self._ready():
            LetterDialog(self).exec()

    def preview(self, number: str | None = None) -> None:
        from workbench.gui.printing import print_preview_letter

        letter = self.letter(number)
        if letter is not None:
            print_preview_letter(self.window, letter)

    def print_(self, number: str = "") -> None:
        from workbench.gui.printing import print_letter

        letter = self.issue(number)
        if letter is not None:
            print_letter(self.window, letter)

    def save_docx(self, number: str = "") -> None:
        from workbench.reports import write_letter_docx

        self._save("审核意见书", "Word 文档 (*.docx)", ".docx", write_letter_docx, number)

    def save_pdf(self, number: str = "") -> None:
        from workbench.gui.printing import export_letter_pdf

        self._save("审核意见书 PDF", "PDF (*.pdf)", ".pdf", lambda letter, path: export_letter_pdf(path, letter), number)

    def _save(self, what: str, file_filter: str, suffix: str, write, number: str) -> None:
        if not self._ready():
            return
        name = f"{self.window.state.document.title or '草案'}-审核意见书{suffix}"
        path = save_path(self.window, "导出审核意见书", name, file_filter)
        if not path:
            return
        letter = self.issue(number)
        if letter is not None:
            _save_in_background(self.window, what, lambda p: write(letter, p), path)


class LetterDialog(QDialog):
    """The letter's 文号 (editable), then preview, print or export."""

    def __init__(self, actions: LetterActions):
        super().__init__(actions.window)
        self.actions = actions
        state = actions.window.state
        self.setWindowTitle("审核意见书")
        self.number = QLineEdit(actions.number())
        self.number.setToolTip("按年度顺排的下一个号；可改为其他文号，或只写序号（如 12）。同一年度的文号不能重复。")
        taken = state.letter is not None
        note = QLabel("本意见书已编号。" if taken else "打印或导出时编入审查日志；之后沿用此号。")
        note.setStyleSheet("color: #666")
        form = QFormLayout()
        form.addRow("文号", self.number)
        form.addRow("", note)
        buttons = QHBoxLayout()
        for text, slot in (("打印预览…", lambda: actions.preview(self.number.text().strip())),
                           ("打印…", lambda: self._then_close(actions.print_)),
                           ("导出 Word…", lambda: self._then_close(actions.save_docx)),
                           ("导出 PDF…", lambda: self._then_close(actions.save_pdf)), ("关闭", self.reject)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"《{(state.document.title or state.document.file_name).strip('《》')}》"))
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _then_close(self, action) -> None:
        action(self.number.text().strip())
        self.number.setText(self.actions.number())


def install(window, menu) -> None:
    letters = LetterActions(window)
    window.letter_actions = letters
    menu.addAction(QAction("审查台账…", window, shortcut=QKeySequence("Ctrl+P"),
                           triggered=lambda: window.ensure_bureau_name() and RegisterDialog(window).exec()))
    menu.addSeparator()
    menu.addAction(QAction("审核意见书（文号、预览、打印、导出）…", window, shortcut=QKeySequence("Ctrl+L"),
                           triggered=letters.dialog))
    menu.addAction(QAction("审核意见书：打印预览…", window, triggered=lambda: letters.preview()))
    menu.addAction(QAction("审核意见书：导出 Word…", window, triggered=lambda: letters.save_docx()))
    menu.addAction(QAction("审核意见书：导出 PDF…", window, triggered=lambda: letters.save_pdf()))
    menu.addSeparator()
    menu.addAction(QAction("年度统计…", window, triggered=lambda: StatsDialog(window).exec()))
