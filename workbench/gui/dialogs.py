"""Small dialogs: a new review's particulars, and the reason for not accepting a finding."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
)

from workbench.log.model import REVIEW_TYPE_LABELS
from workbench.workspace import DEFAULT_DUE_DAYS

AUTO_TYPE = "auto"
DISMISS_REASONS = ("系重申上位法规定，并非创设", "属于禁止性规定的正确写法", "系引用法律名称，并非规定内容", "已有法律、法规依据", "与本文件内容无关")


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK/Cancel with the OK button saying what it does (开始审查, 保存 …), wired to the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class NewReviewDialog(QDialog):
    """Type, submitting unit, dates of the review(s) about to be opened."""

    def __init__(self, file_names: list[str], units: list[str], revision_of: str = "", parent=None, reviewer: str = ""):
        super().__init__(parent)
        self.setWindowTitle("登记送审文件" if not revision_of else "登记修订稿")
        self.setMinimumWidth(480)
        shown = "、".join(file_names[:3]) + (f" 等 {len(file_names)} 个文件" if len(file_names) > 3 else "")
        label = QLabel(f"文件：{shown}" + (f"\n修订前稿：{revision_of}" if revision_of else ""))
        label.setWordWrap(True)
        self.type_box = QComboBox()
        self.type_box.addItem("按文件自动判断（决定书→法制审核，其余→合法性审核）", AUTO_TYPE)
        for key, text in REVIEW_TYPE_LABELS.items():
            self.type_box.addItem(text, key)
        self.unit_box = QComboBox(editable=True)
        self.unit_box.addItems(units)
        self.unit_box.setCurrentText(units[0] if units else "")
        self.unit_box.lineEdit().setPlaceholderText("必填，如：大气环境科（意见书的主送单位）")
        today = date.today()
        self.received = QDateEdit(_qdate(today), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.due = QDateEdit(_qdate(today + timedelta(days=DEFAULT_DUE_DAYS)), calendarPopup=True, displayFormat="yyyy-MM-dd")
        # The reviewer's name goes into the log and onto the letter: ask, and remember.
        self.reviewer = QLineEdit(reviewer, placeholderText="审查人姓名（记入日志和意见书）")
        form = QFormLayout()
        form.addRow("审查类型", self.type_box)
        form.addRow("送审单位（必填）", self.unit_box)
        form.addRow("收文日期", self.received)
        form.addRow("办理期限", self.due)
        form.addRow("审查人", self.reviewer)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        self.buttons = ok_cancel_buttons(self, "开始审查")
        layout.addWidget(self.buttons)
        # The letter is addressed to the submitting unit: no registering without one.
        self.unit_box.currentTextChanged.connect(self._check_unit)
        self._check_unit()

    def _check_unit(self) -> None:
        ok = bool(self.unit_box.currentText().strip())
        button = self.buttons.button(QDialogButtonBox.Ok)
        button.setEnabled(ok)
        button.setToolTip("" if ok else "请先填写送审单位")

    def set_type(self, type_: str) -> None:
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(type_)))

    def values(self) -> dict:
        return {
            "type": self.type_box.currentData(),
            "unit": self.unit_box.currentText().strip(),
            "received": _pydate(self.received.date()),
            "due": _pydate(self.due.date()),
            "reviewer": self.reviewer.text().strip(),
        }


class DismissDialog(QDialog):
    """A finding is not accepted only with a reason, which goes into the log."""

    MESSAGE_CHARS = 120  # a longer message is shortened, visibly (“…”); the full text is the tooltip

    def __init__(self, finding_label: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("不采纳该问题")
        self.setMinimumWidth(460)
        shown = finding_label if len(finding_label) <= self.MESSAGE_CHARS else finding_label[: self.MESSAGE_CHARS] + "…"
        self.message = QLabel(f"不采纳：{shown}")
        self.message.setWordWrap(True)
        self.message.setToolTip(finding_label)
        label = QLabel("请写明理由（记入审查日志；Ctrl+Enter 确定）：")
        self.common = QComboBox()
        self.common.addItem("常用理由…")
        self.common.addItems(DISMISS_REASONS)
        self.common.currentIndexChanged.connect(self._use_common)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(80)
        self.buttons = ok_cancel_buttons(self, "不采纳")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.reason.textChanged.connect(lambda: self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.text())))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(label)
        layout.addWidget(self.common)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _confirm(self) -> None:
        if self.text():
            self.accept()

    def _use_common(self, index: int) -> None:
        if index > 0:
            self.reason.setPlainText(self.common.currentText())

    def text(self) -> str:
        return self.reason.toPlainText().strip()
