"""Table models for the window: the review queue, findings, opinions, citations.

Each is a QAbstractTableModel over a list of plain records from the core, with
``RecordRole`` giving the record itself; filtering and sorting are done by a
QSortFilterProxyModel in the view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.log.model import CONCLUSION_LABELS, DISPOSITION_LABELS, REVIEW_TYPE_LABELS
from workbench.rules.model import CATEGORIES, REVIEW_LABELS, SEVERITY_LABELS

RecordRole = Qt.UserRole + 1
SortRole = Qt.UserRole + 2

SEVERITY_BRUSHES = {"error": QColor("#f9c9c6"), "warning": QColor("#fde9a9"), "info": QColor("#cfe2fb")}
_GREY = QColor("#8a8a8a")
_OVERDUE = QColor("#b3261e")
_PROPOSED = QColor("#6a4fb3")
_SHORT_TYPE = {"legality": "合法性", "fair_competition": "公平竞争", "enforcement": "执法决定"}


def cn_date(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    return f"{d.year}-{d.month:02d}-{d.day:02d}"


def local_minute(iso_utc: str) -> str:
    """A logged UTC time as the reviewer's wall-clock time to the minute: 2026-11-02 14:35."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return (iso_utc or "")[:16].replace("T", " ")


class RecordTableModel(QAbstractTableModel):
    """Base: a list of records and a tuple of column titles."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list = []

    def set_records(self, records) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list:
        return list(self._records)

    def record(self, row: int):
        return self._records[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RecordRole:
            return record
        if role in (Qt.DisplayRole, SortRole):
            return self.cell(record, index.column(), role)
        return self.decorate(record, index.column(), role)

    def cell(self, record, column: int, role):  # pragma: no cover - overridden
        return None

    def decorate(self, record, column: int, role):
        return None


class QueueModel(RecordTableModel):
    # 状态 and 稿次 first: the dock is narrow, and they are what a reviewer scans for.
    COLUMNS = ("状态", "稿次", "文件名称", "送审单位", "收文", "期限", "类型", "文号", "原文件")

    def cell(self, r, column, role):
        if column == 0:
            if r.conclusion:
                return f"已办结·{CONCLUSION_LABELS[r.type].get(r.conclusion, r.conclusion)}"
            return f"审查中（待处理 {r.open_findings}）" if r.open_findings else "审查中"
        if column == 1:
            return r.version if role == SortRole else f"第{r.version}稿"
        if column == 2:
            return r.title or r.file_name
        if column == 3:
            return r.unit
        if column == 4:
            return cn_date(r.received)
        if column == 5:
            return cn_date(r.due)
        if column == 6:
            return _SHORT_TYPE.get(r.type, r.type)
        if column == 7:
            return r.doc_number
        if column == 8:
            return r.file_name
        return None

    def decorate(self, r, column, role):
        if role == Qt.ForegroundRole:
            if r.conclusion:
                return QBrush(_GREY)
            if column == 5 and r.due and r.due < date.today().isoformat():
                return QBrush(_OVERDUE)
        if role == Qt.ToolTipRole:
            return (f"{REVIEW_TYPE_LABELS.get(r.type, r.type)}　第{r.version}稿\n{r.title or r.file_name}\n"
                    f"送审单位：{r.unit}\n文件：{r.file_name}\n审查人：{r.reviewer}")
        return None


class FindingsModel(RecordTableModel):
    """FindingState records from the log (with their disposition)."""

    COLUMNS = ("编号", "级别", "处理", "位置", "审查", "类别", "问题", "依据", "原文")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.proposals: dict = {}  # finding id → the earlier draft's finding whose decision is proposed

    def cell(self, f, column, role):
        if column == 0:
            return f.number if role == SortRole else f"F{f.number}"
        if column == 1:
            return ("error", "warning", "info").index(f.severity) if role == SortRole else SEVERITY_LABELS[f.severity]
        if column == 2:
            proposed = self.proposals.get(f.id)
            if proposed is not None:
                return f"拟{DISPOSITION_LABELS[proposed.status]}"  # the detail pane says: 按 C 沿用
            return DISPOSITION_LABELS.get(f.status, f.status)
        if column == 3:
            # Sorted by where the passage starts, so the findings on one passage stand together
            # (whole-document findings first).
            if role == SortRole:
                return f.start if f.paragraph else -1
            return f"第{f.paragraph}段" if f.paragraph else "全文"
        if column == 4:
            return REVIEW_LABELS.get(f.rule_review, f.rule_review)
        if column == 5:
            return CATEGORIES.get(f.rule_review, {}).get(f.category, f.category)
        if column == 6:
            return f.message
        if column == 7:
            return "；".join(f.basis)
        if column == 8:
            return f.excerpt or "（全文）"
        return None

    def decorate(self, f, column, role):
        if role == Qt.BackgroundRole and column == 1:
            return SEVERITY_BRUSHES[f.severity]
        if role == Qt.ForegroundRole and f.status == "dismissed":
            return QBrush(_GREY)
        if role == Qt.ForegroundRole and column == 2 and f.id in self.proposals:
            return QBrush(_PROPOSED)
        if role == Qt.ToolTipRole:
            tip = f"{f.message}\n依据：{'；'.join(f.basis)}\n规则：{f.rule}"
            if f.status != "open":
                tip += f"\n{DISPOSITION_LABELS[f.status]}：{f.disposed_by} {f.disposed_at[:16].replace('T', ' ')}"
                if f.reason:
                    tip += f"\n理由：{f.reason}"
            return tip
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Hides dismissed findings unless asked to show them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_dismissed = False
        self.setSortRole(SortRole)

    def set_show_dismissed(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_dismissed = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent):
        f = self.sourceModel().record(row)
        return self.show_dismissed or f.status != "dismissed"


class OpinionsModel(RecordTableModel):
    COLUMNS = ("时间", "法律顾问", "针对", "意见")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.finding_numbers: dict[str, int] = {}

    def cell(self, o, column, role):
        if column == 0:
            return o.at if role == SortRole else opinion_time(o)
        if column == 1:
            return o.counsel
        if column == 2:
            if o.finding_id:
                return f"问题 F{self.finding_numbers.get(o.finding_id, '?')}"
            return f"“{o.passage[:20]}”" if o.passage else "全文"
        if column == 3:
            return o.text + (f"（已修改 {o.versions - 1} 次）" if o.versions > 1 else "")
        return None

    def decorate(self, o, column, role):
        if role == Qt.ToolTipRole:
            return o.text
        return None


def opinion_time(o) -> str:
    """When an opinion was written, to the minute; a date alone when it was dated by hand to another day."""
    entered = local_minute(o.at)
    return entered if entered[:10] == o.written[:10] else cn_date(o.written)


class CitationsModel(RecordTableModel):
    """CitationRow records (see workbench.citations_view)."""

    COLUMNS = ("引用", "次数", "状态", "说明")
    _COLORS = {"in_force": QColor("#2e7d32"), "repealed": QColor("#b3261e"), "no_such_article": QColor("#b3261e"),
               "unknown": QColor("#b26a00"), "amended": QColor("#b26a00"), "not_yet_in_force": QColor("#b26a00")}

    def cell(self, c, column, role):
        return (c.cited, c.count, c.state_label, c.detail)[column] if column < 4 else None

    def decorate(self, c, column, role):
        if role == Qt.ForegroundRole and column == 2:
            return QBrush(self._COLORS.get(c.state, _GREY))
        if role == Qt.ToolTipRole:
            return c.detail
        return None


class RevisionModel(RecordTableModel):
    """RevisionRow records: each earlier finding, how it was decided, resolved or still present."""

    COLUMNS = ("前稿问题", "前稿处理", "现状", "原文")

    def cell(self, s, column, role):
        from workbench.revision import STATUS_LABELS

        if column == 0:
            return s.earlier.message
        if column == 1:
            label = DISPOSITION_LABELS.get(s.earlier.status, s.earlier.status)
            return f"{label}：{s.earlier.reason}" if s.earlier.reason else label
        if column == 2:
            return STATUS_LABELS[s.status]
        if column == 3:
            return s.earlier.excerpt or "（全文）"
        return None

    def decorate(self, s, column, role):
        if role == Qt.ForegroundRole and column == 2:
            return QBrush(QColor("#2e7d32") if s.status == "resolved" else QColor("#b3261e"))
        if role == Qt.ToolTipRole and column == 1 and s.earlier.reason:
            return s.earlier.reason
        return None
