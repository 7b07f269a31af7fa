"""The review queue (left dock): reviews from the log, filtered by text, status and type."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from workbench.errors import WorkbenchError
from workbench.gui.models import QueueModel, RecordRole, SortRole
from workbench.gui.panels import fit_columns, make_table
from workbench.log.model import REVIEW_TYPE_LABELS


class QueueController:
    def __init__(self, window):
        self.window = window
        self.model = QueueModel(window)
        self.proxy = QSortFilterProxyModel(window)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.search = QLineEdit(placeholderText="搜索文件名、文号、送审单位…", clearButtonEnabled=True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status = QComboBox()
        for text, key in (("全部", None), ("审查中", "open"), ("已办结", "closed")):
            self.status.addItem(text, key)
        self.status.currentIndexChanged.connect(self.refresh)
        self.type = QComboBox()
        self.type.addItem("全部类型", None)
        for key, text in REVIEW_TYPE_LABELS.items():
            self.type.addItem(text, key)
        self.type.currentIndexChanged.connect(self.refresh)
        self.view = make_table(self.proxy, sortable=False)
        self.view.setObjectName("queueView")
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.type, 2)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        w = self.window
        try:
            rows = w.ws.log.reviews(status=self.status.currentData(), type=self.type.currentData())
        except WorkbenchError as exc:
            w.show_error("无法读取审查日志", exc.message)
            rows = []
        self.model.set_records(rows)
        fit_columns(self.view, widest={2: 220})
        if w.state:
            self.select(w.state.id)

    def select(self, review_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), RecordRole).id == review_id:
                self.view.selectRow(row)
                return

    def units(self) -> list[str]:
        return sorted({r.unit for r in self.model.records() if r.unit})

    def _open(self, index) -> None:
        record = self.proxy.data(index.siblingAtColumn(0), RecordRole)
        state = self.window.state
        if record is not None and (state is None or record.id != state.id):
            self.window.show_review(record.id)
