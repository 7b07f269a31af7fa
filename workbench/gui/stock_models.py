"""Table models of the stock window: issued documents, 清理 items, case files, problems, findings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from workbench.gui.models import RecordRole, RecordTableModel, SortRole, cn_date
from workbench.stock.cases import suggested_category
from workbench.stock.model import (
    CASE_CATEGORY_LABELS,
    DEFAULT_REMINDER_DAYS,
    EVALUATION_LABELS,
    OUTCOME_LABELS,
    RECTIFIED_LABELS,
    STATUS_LABELS,
)

# Roles as plain ints: a view asks data() for a dozen roles per cell, and comparing an int
# with a PySide enum member costs microseconds each; with hundreds of rows that is a stall.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_RECORD = int(RecordRole)
_SORT = int(SortRole)


class _StockModel(RecordTableModel):
    def data(self, index, role=_DISPLAY):
        role = int(role)
        if role not in (_DISPLAY, _SORT, _RECORD, _BACKGROUND, _TOOLTIP) or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._records):
            return None
        record = self._records[row]
        if role == _RECORD:
            return record
        if role == _DISPLAY or role == _SORT:
            return self.cell(record, index.column(), role)
        return self.decorate(record, index.column(), role)

    def replace_record(self, same, record) -> int:
        """Put ``record`` in place of the first row for which ``same(row's record)``; only that
        row is repainted. Returns the row, or -1 (no such row: nothing changed)."""
        for row, old in enumerate(self._records):
            if same(old):
                self._records[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return row
        return -1


STATUS_COLORS = {"valid": None, "expiring": QColor("#fde9a9"), "lapsed": QColor("#e0e0e0"), "repealed": QColor("#f9c9c6")}
OUTCOME_COLORS = {"continue": None, "amend": QColor("#fde9a9"), "repeal": QColor("#f9c9c6"), "lapse": QColor("#e0e0e0")}
_CHANGED = QColor("#cfe2fb")


class IssuedModel(_StockModel):
    COLUMNS = ("状态", "文件名称", "文号", "制定机关", "印发日期", "施行日期", "有效期至", "有效期")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.as_of = date.today()
        self.window_days = DEFAULT_REMINDER_DAYS

    def cell(self, d, column, role):
        if column == 0:
            return STATUS_LABELS[d.status(self.as_of, self.window_days)]
        if column == 1:
            return (d.title or d.file_name) + ("（已更正）" if d.versions > 1 else "")
        values = (None, None, d.doc_number, d.organ, cn_date(d.issued), cn_date(d.effective), cn_date(d.expires),
                  d.validity or "（未载明，推定）")
        return values[column]

    def decorate(self, d, column, role):
        if role == _BACKGROUND and column == 0:
            return STATUS_COLORS[d.status(self.as_of, self.window_days)]
        if role == _TOOLTIP and column == 1:
            return d.note or d.file_name
        return None


class ReminderModel(IssuedModel):
    COLUMNS = ("到期日", "尚余天数", "文件名称", "文号", "制定机关")

    def cell(self, d, column, role):
        days = d.days_left(self.as_of)
        if column == 1:
            return days if role == _SORT else f"{days} 天"
        return (cn_date(d.expires), None, d.title or d.file_name, d.doc_number, d.organ)[column]

    def decorate(self, d, column, role):
        return None


class CleanupModel(_StockModel):
    COLUMNS = ("清理建议", "清理结论", "文件名称", "文号", "有效期至", "理由", "重新核查的变化")

    def cell(self, item, column, role):
        if column == 0:
            return OUTCOME_LABELS[item.outcome]
        if column == 1:
            if not item.decision:
                return "待确认"
            return OUTCOME_LABELS[item.decision] + ("（须重新确认）" if item.decision_stale else "")
        d = item.document
        values = (None, None, d.title or d.file_name, d.doc_number, cn_date(d.expires),
                  "；".join(r.text for r in item.reasons), item.change_text())
        return values[column]

    def decorate(self, item, column, role):
        if role == _BACKGROUND:
            if column == 0:
                return OUTCOME_COLORS[item.outcome]
            if column == 6 and item.changed:
                return _CHANGED
            if column == 1 and item.decision_stale:
                return OUTCOME_COLORS["repeal"]
        if role == _TOOLTIP and column in (5, 6):
            return "\n".join(r.text for r in item.reasons) if column == 5 else item.change_text()
        return None


class CaseModel(_StockModel):
    COLUMNS = ("作出日期", "案卷名称及文号", "当事人", "评查结论", "问题", "已整改")

    def cell(self, c, column, role):
        conclusion = EVALUATION_LABELS.get(c.conclusion, "") if c.evaluated else "未评查"
        label = c.label + ("（已更正）" if c.versions > 1 else "")
        return (cn_date(c.decided), label, c.party, conclusion, len(c.problems), c.rectified)[column]

    def decorate(self, c, column, role):
        if role == _TOOLTIP and column in (0, 1, 2) and c.note:
            return c.note
        return None


class ProblemModel(_StockModel):
    COLUMNS = ("类别", "存在问题", "整改责任人", "整改期限", "整改情况", "状态")

    def cell(self, p, column, role):
        r = p.rectification
        return (CASE_CATEGORY_LABELS.get(p.category, p.category), p.description, r.responsible if r else "",
                cn_date(r.deadline) if r else "", r.progress if r else "", RECTIFIED_LABELS[p.rectified])[column]

    def decorate(self, p, column, role):
        if role == _BACKGROUND and column == 5:
            return None if p.rectified else STATUS_COLORS["expiring"]
        return None


class FindingModel(_StockModel):
    COLUMNS = ("建议类别", "检查结果", "原文")

    def cell(self, f, column, role):
        return (CASE_CATEGORY_LABELS[suggested_category(f)], f.message, (f.excerpt or "").replace("\n", ""))[column]
