"""Browse the rules: message, legal basis and examples; switch whole packs off."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QSplitter, QTableView,
    QTextBrowser, QVBoxLayout, QWidget,
)

from workbench.gui.dialogs import ok_cancel_buttons
from workbench.rules.model import CATEGORIES, REVIEW_LABELS, REVIEWS, SEVERITY_LABELS, Rule

RuleRole = Qt.UserRole + 1


class RulesModel(QAbstractTableModel):
    COLUMNS = ("编号", "审查", "类别", "级别", "说明")

    def __init__(self, rules: list[Rule], parent=None):
        super().__init__(parent)
        self._rules = list(rules)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        r = self._rules[index.row()]
        if role == Qt.DisplayRole:
            return (r.id, REVIEW_LABELS[r.review], CATEGORIES[r.review].get(r.category, r.category), SEVERITY_LABELS[r.severity], r.message)[index.column()]
        if role == RuleRole:
            return r
        return None


def rule_html(rule: Rule) -> str:
    def items(examples):
        return "".join(f"<li>{_esc(e.text)}</li>" for e in examples)

    kinds = {"normative": "规范性文件", "enforcement": "执法决定"}
    basis = "".join(f"<li>{_esc(str(b))}" + (f"（用于{'、'.join(kinds[k] for k in b.applies_to)}）" if b.applies_to else "") + "</li>" for b in rule.basis)
    return (
        f"<h3>{_esc(rule.id)}</h3><p>{_esc(rule.message)}</p>"
        f"<p><b>审查</b>：{REVIEW_LABELS[rule.review]}　<b>类别</b>：{CATEGORIES[rule.review].get(rule.category, rule.category)}"
        f"　<b>级别</b>：{SEVERITY_LABELS[rule.severity]}　<b>匹配方式</b>：{rule.match.kind}</p>"
        f"<p><b>法律依据</b></p><ul>{basis}</ul>"
        f"<p><b>应当触发的示例</b></p><ul>{items(rule.trigger_examples)}</ul>"
        f"<p><b>不应触发的示例</b></p><ul>{items(rule.pass_examples)}</ul>"
        f"<p style='color:#888'>来源：{_esc(rule.source)} 第 {rule.line} 行</p>"
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class RuleBrowser(QDialog):
    """Lists rules; ``packs_changed(disabled)`` is emitted when the user accepts new pack switches."""

    packs_changed = Signal(list)

    def __init__(self, rules: list[Rule], disabled_packs, parent=None):
        super().__init__(parent)
        self.setWindowTitle("审查规则")
        self.resize(1100, 680)
        self.model = RulesModel(rules, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)

        self.search = QLineEdit(placeholderText="搜索规则编号或说明…")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.setColumnWidth(0, 230)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.detail = QTextBrowser()

        packs_box = QGroupBox("启用的规则包")
        packs_layout = QHBoxLayout(packs_box)
        self.pack_boxes: dict[str, QCheckBox] = {}
        disabled = set(disabled_packs or ())
        for review in REVIEWS:
            count = sum(1 for r in rules if r.review == review)
            box = QCheckBox(f"{REVIEW_LABELS[review]}（{count} 条）")
            box.setChecked(review not in disabled)
            self.pack_boxes[review] = box
            packs_layout.addWidget(box)
        packs_layout.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([640, 460])
        buttons = ok_cancel_buttons(self, "确定")
        layout = QVBoxLayout(self)
        layout.addWidget(packs_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def disabled_packs(self) -> list[str]:
        return [review for review, box in self.pack_boxes.items() if not box.isChecked()]

    def accept(self) -> None:
        self.packs_changed.emit(self.disabled_packs())
        super().accept()

    def _show(self, current, _previous) -> None:
        if current.isValid():
            self.detail.setHtml(rule_html(self.proxy.data(current, RuleRole)))
