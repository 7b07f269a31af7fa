"""The findings of one check as a Qt table model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from workbench.rules.model import CATEGORIES, REVIEW_LABELS, SEVERITY_LABELS

SEVERITY_COLORS = {"error": QColor("#fde2e1"), "warning": QColor("#fff1c2"), "info": QColor("#e3effd")}
FindingRole = Qt.UserRole + 1


class FindingsModel(QAbstractTableModel):
    COLUMNS = ("位置", "级别", "审查", "类别", "问题", "依据", "原文")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings = []

    def set_findings(self, findings) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int):
        return self._findings[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        f = self._findings[index.row()]
        if role == Qt.DisplayRole:
            col = index.column()
            if col == 0:
                return f"{f.paragraph}:{f.column}" if f.paragraph else "全文"
            if col == 1:
                return SEVERITY_LABELS[f.severity]
            if col == 2:
                return REVIEW_LABELS[f.review]
            if col == 3:
                return CATEGORIES[f.review].get(f.category, f.category)
            if col == 4:
                return f.message
            if col == 5:
                return "；".join(f.basis)
            if col == 6:
                return f.excerpt
        if role == Qt.BackgroundRole and index.column() == 1:
            return SEVERITY_COLORS[f.severity]
        if role == Qt.ToolTipRole:
            return f"{f.message}\n依据：{'；'.join(f.basis)}\n规则：{f.rule}"
        if role == FindingRole:
            return f
        return None
