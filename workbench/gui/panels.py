"""The panels beside the document: findings, citations, counsel opinions, conclusion, revision."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QRadioButton, QTableView, QTextBrowser, QVBoxLayout, QWidget,
)

from workbench.gui.models import (
    CitationsModel, FindingsFilter, FindingsModel, OpinionsModel, RecordRole, RevisionModel, SortRole, cn_date,
)
from workbench.log.model import CONCLUSION_LABELS, REVIEW_TYPE_LABELS


class ElidedLabel(QLabel):
    """One line of text cut to the label's width with “…”, the whole text as its tooltip."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(self.width(), 40)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self):  # noqa: N802 (Qt's name): never ask for the whole text's width
        hint = super().minimumSizeHint()
        hint.setWidth(40)
        return hint

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), 200))
        return hint


def fit_columns(view: QTableView, widest: dict[int, int] | None = None, most: int = 320) -> None:
    """Each column as wide as its heading and its contents (so neither is cut), at most ``most``
    pixels (``widest`` per column); the rest is elided with “…” and shown whole in the tooltip."""
    widest = widest or {}
    header = view.horizontalHeader()
    model = view.model()
    metrics = view.fontMetrics()
    head_metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Horizontal) or "")
        width = head_metrics.horizontalAdvance(title) + 24
        for row in range(min(model.rowCount(), 200)):  # enough rows to judge; cost stays bounded
            text = model.index(row, column).data()
            if text is not None:
                width = max(width, metrics.horizontalAdvance(str(text)) + 16)
        header.resizeSection(column, min(width, widest.get(column, most)))


def make_table(model, widths=(), stretch_last=True, sortable=False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    view.setSortingEnabled(sortable)
    return view


def current_record(view: QTableView):
    index = view.currentIndex()
    return view.model().data(index.siblingAtColumn(0), RecordRole) if index.isValid() else None


class FindingsPanel(QWidget):
    """Findings of the review with accept / dismiss / reopen (buttons and keys A, D, U)."""

    finding_selected = Signal(object)  # FindingState
    dispose_requested = Signal(object, str)  # FindingState, "accept" | "dismiss" | "reopen"
    # Several rows selected (Ctrl/Shift-click, or S for every finding on the passage): one decision for all.
    dispose_many_requested = Signal(list, str)  # [FindingState], action

    def __init__(self, parent=None):
        super().__init__(parent)
        self._quiet = False
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, (48, 48, 76, 60, 84, 120, 330, 220), sortable=True)
        self.table.setObjectName("findingsTable")
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.detail = QTextBrowser()
        self.detail.setObjectName("findingDetail")
        self.detail.setMaximumHeight(150)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.summary = QLabel()
        self.show_dismissed = QCheckBox("显示不采纳的问题")
        self.show_dismissed.toggled.connect(self.proxy.set_show_dismissed)
        self.selection_note = QLabel()
        self.selection_note.setStyleSheet("color: #555")

        self.accept_action = QAction("采纳(&A)", self, shortcut=QKeySequence("A"), triggered=lambda: self._request("accept"))
        self.dismiss_action = QAction("不采纳…(&D)", self, shortcut=QKeySequence("D"), triggered=lambda: self._request("dismiss"))
        self.reopen_action = QAction("撤销处理(&U)", self, shortcut=QKeySequence("U"), triggered=lambda: self._request("reopen"))
        self.same_passage_action = QAction("选中同一处(&S)", self, shortcut=QKeySequence("S"), triggered=self.select_same_passage)
        self.same_passage_action.setToolTip("选中与当前问题落在同一处原文上的全部问题，以便一并采纳或不采纳")
        buttons = QHBoxLayout()
        for action in (self.accept_action, self.dismiss_action, self.reopen_action, self.same_passage_action):
            # Single-letter keys act only while the findings list has focus,
            # so typing an opinion never disposes a finding.
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QPushButton(action.text().replace("(&", "（").replace(")", "）"))
            button.setToolTip(f"快捷键 {action.shortcut().toString()}（焦点在问题列表时）")
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_dismissed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.selection_note)
        layout.addLayout(buttons)
        self.set_editable(False)

    def set_findings(self, findings, editable: bool, proposals: dict | None = None) -> None:
        current = self.current()
        self.model.proposals = dict(proposals or {})
        self.model.set_records(findings)
        counts = {"open": 0, "accepted": 0, "dismissed": 0}
        for f in findings:
            counts[f.status] = counts.get(f.status, 0) + 1
        summary = f"共 {len(findings)} 项：待处理 {counts['open']}，采纳 {counts['accepted']}，不采纳 {counts['dismissed']}"
        if self.model.proposals:
            summary += f"；其中 {len(self.model.proposals)} 项前稿已处理，选中后按 C 沿用"
        self.summary.setText(summary)
        self.set_editable(editable)
        if current is not None and any(f.id == current.id for f in findings):
            self.select_finding(current.id)
            self._show_detail(self.current())

    def reset(self) -> None:
        """Forget the finding shown and the text selection: another review is about to be shown."""
        self.table.selectionModel().clearSelection()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self.detail.clear()
        self.selection_note.clear()

    def set_editable(self, editable: bool) -> None:
        for action in (self.accept_action, self.dismiss_action, self.reopen_action):
            action.setEnabled(editable)

    def current(self):
        return current_record(self.table)

    def selected(self) -> list:
        """The findings of the selected rows, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.data(self.proxy.index(row, 0), RecordRole) for row in rows]

    def select_same_passage(self) -> None:
        """Select, with the current finding, every finding shown on the same passage."""
        f = self.current()
        if f is None:
            return
        together = {f.id} | {g.id for g in same_passage(self.model.records(), f)}
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, RecordRole).id in together:
                selection.select(index, index.siblingAtColumn(self.proxy.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def select_finding(self, finding_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            f = self.proxy.data(self.proxy.index(row, 0), RecordRole)
            if f.id == finding_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def show_selection_findings(self, findings) -> None:
        if findings:
            self.selection_note.setText("所选文字涉及：" + "、".join(f"F{f.number}" for f in findings))
            # Point at the finding without announcing it: the user's own text
            # selection (and the opinion's anchor) must stay as they made it.
            self._quiet = True
            try:
                self.select_finding(findings[0].id)
            finally:
                self._quiet = False
        else:
            self.selection_note.setText("所选文字未涉及任何问题")

    def _on_current(self, current, _previous) -> None:
        f = self.proxy.data(current.siblingAtColumn(0), RecordRole) if current.isValid() else None
        self._show_detail(f)
        if f is not None and not self._quiet:
            self.finding_selected.emit(f)

    def _show_detail(self, f) -> None:
        if f is None:
            self.detail.setHtml("")
            return
        self.detail.setHtml(finding_html(f, self.model.proposals.get(f.id), same_passage(self.model.records(), f)))

    def _request(self, action: str) -> None:
        chosen = self.selected()
        if len(chosen) > 1:
            self.dispose_many_requested.emit(chosen, action)
            return
        f = self.current()
        if f is not None:
            self.dispose_requested.emit(f, action)


def same_passage(findings, f) -> list:
    """The other findings whose words overlap f's: several rules (or standards) on one passage."""
    if not f.paragraph or f.end <= f.start:
        return []
    return [g for g in findings if g.id != f.id and g.paragraph and g.start < f.end and f.start < g.end]


def related_case(f) -> dict | None:
    """The closest published case for a fair-competition finding (caselib), else None."""
    if f.rule_review != "fair_competition" or not f.excerpt:
        return None
    from workbench.rules.caselib import builtin_case_library

    library = builtin_case_library()
    found = library.nearest(f.excerpt, category=f.category) or library.nearest(f.excerpt)
    return found.to_json() if found else None


def finding_html(f, proposed=None, others=()) -> str:
    from workbench.gui.models import local_minute
    from workbench.log.model import DISPOSITION_LABELS
    from workbench.rules.model import CATEGORIES, SEVERITY_LABELS

    where = f"第 {f.paragraph} 段第 {f.column} 字" if f.paragraph else "全文"
    basis = "；".join(_esc(b) for b in f.basis)
    html = (f"<b>F{f.number}　{SEVERITY_LABELS[f.severity]}</b>　{where}　<span style='color:#888'>{_esc(f.rule)}</span>"
            f"<p style='margin:4px 0'>{_esc(f.message)}</p><p style='margin:4px 0'><b>依据</b>：{basis}</p>")
    if f.excerpt:
        html += f"<p style='margin:4px 0;color:#555'><b>原文</b>：{_esc(f.excerpt)}</p>"
    if others:
        listed = "、".join(f"F{g.number}（{_esc(CATEGORIES.get(g.rule_review, {}).get(g.category, g.category))}）"
                          for g in sorted(others, key=lambda g: g.number))
        html += f"<p style='margin:4px 0;color:#555'><b>同一处另有</b>：{listed}。按 S 一并选中。</p>"
    case = related_case(f)
    if case is not None:
        html += (f"<p style='margin:4px 0;color:#555'><b>类似的已通报案例</b>：{_esc(case['clause'][:80])}"
                 f"（{_esc(case['notice'])}；相似度 {case['score']:.2f}）</p>")
    if f.status != "open":
        html += f"<p style='margin:4px 0'><b>{DISPOSITION_LABELS[f.status]}</b>　{_esc(f.disposed_by)} {local_minute(f.disposed_at)}"
        html += f"　理由：{_esc(f.reason)}</p>" if f.reason else "</p>"
    if proposed is not None:
        reason = f"，理由：{_esc(proposed.reason)}" if proposed.reason else ""
        html += (f"<p style='margin:4px 0;color:#6a4fb3'><b>前稿已{DISPOSITION_LABELS[proposed.status]}</b>"
                 f"（前稿 F{proposed.number}{reason}）。按 <b>C</b> 沿用，或按 A / D 另作处理。</p>")
    return html


class CitationsPanel(QWidget):
    citation_selected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = CitationsModel(self)
        self.table = make_table(self.model, (250, 40, 72))
        self.table.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: cur.isValid() and self.citation_selected.emit(self.model.record(cur.row()))
        )
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows, as_of) -> None:
        self.model.set_records(rows)
        if len(rows) <= 300:  # wrapped rows cost a layout each; beyond this keep one line
            self.table.resizeRowsToContents()
        total = sum(r.count for r in rows)
        bad = sum(r.count for r in rows if r.state != "in_force")
        self.summary.setText(f"引用 {total} 处（{len(rows)} 种），需核对 {bad} 处（按 {as_of} 的效力状态）" if as_of else "")


class OpinionsPanel(QWidget):
    """Counsel opinions in order; new ones are anchored to the selected passage or finding."""

    add_requested = Signal(str, str)  # counsel, text
    edit_requested = Signal(object, str)  # OpinionState, new text
    opinion_selected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = OpinionsModel(self)
        self.table = make_table(self.model, (124, 72, 96))
        self.table.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.anchor = ElidedLabel("针对：全文")
        self.anchor.setStyleSheet("color: #555")
        self.counsel = QComboBox(editable=True)
        self.counsel.setMinimumWidth(140)
        self.counsel.lineEdit().setPlaceholderText("法律顾问姓名")
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.RichText)
        self.history.setStyleSheet("color: #555")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("opinionEditor")
        self.editor.setPlaceholderText("在此填写法律意见（Ctrl+Enter 添加）")
        self.editor.setFixedHeight(96)
        self.add_button = QPushButton("添加意见（Ctrl+Enter）")
        self.add_button.clicked.connect(self._add)
        self.edit_button = QPushButton("修改所选意见")
        self.edit_button.clicked.connect(self._edit)
        self.add_action = QAction("添加意见", self, shortcut=QKeySequence("Ctrl+Return"), triggered=self._add)
        self.add_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        row = QHBoxLayout()
        row.addWidget(QLabel("法律顾问"))
        row.addWidget(self.counsel)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history)
        layout.addWidget(self.anchor)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        self.set_editable(False)

    def set_counsel_list(self, names) -> None:
        text = self.counsel.currentText()
        self.counsel.clear()
        self.counsel.addItems(list(names))
        self.counsel.setCurrentText(text or (names[0] if names else ""))

    def set_opinions(self, opinions, finding_numbers: dict, editable: bool) -> None:
        self.model.finding_numbers = finding_numbers
        self.model.set_records(sorted(opinions, key=lambda o: o.written))
        self.table.resizeRowsToContents()
        self.set_editable(editable)

    def set_editable(self, editable: bool) -> None:
        for w in (self.editor, self.add_button, self.edit_button, self.counsel):
            w.setEnabled(editable)
        self.add_action.setEnabled(editable)

    def set_anchor(self, text: str) -> None:
        self.anchor.set_full_text(f"针对：{text}")

    def show_versions(self, versions) -> None:
        """Earlier versions of the selected opinion (the log keeps every one)."""
        if len(versions) < 2:
            self.history.clear()
            return
        from workbench.gui.models import local_minute

        lines = [f"{local_minute(at)} {_esc(actor)}：<s>{_esc(text)}</s>" for at, actor, text in versions[:-1]]
        self.history.setText("修改前的文本：<br>" + "<br>".join(lines))

    def current(self):
        return current_record(self.table)

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.opinion_selected.emit(self.model.record(current.row()))

    def _add(self) -> None:
        text = self.editor.toPlainText().strip()
        if text and self.add_button.isEnabled():
            self.add_requested.emit(self.counsel.currentText().strip(), text)

    def _edit(self) -> None:
        opinion, text = self.current(), self.editor.toPlainText().strip()
        if opinion is not None and text:
            self.edit_requested.emit(opinion, text)


class ConclusionPanel(QWidget):
    close_requested = Signal(str)  # pass | amend | reject

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.RichText)
        self.catalogue = QLabel()
        self.catalogue.setWordWrap(True)
        self.box = QGroupBox("审查结论")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        box_layout = QVBoxLayout(self.box)
        for key in ("pass", "amend", "reject"):
            button = QRadioButton()
            self.buttons[key] = button
            self.group.addButton(button)
            box_layout.addWidget(button)
        self.allowed: tuple[str, ...] = ()
        self.close_button = QPushButton("办结本次审查…")
        self.close_button.clicked.connect(self._close)
        self.closed_note = QLabel()
        self.closed_note.setStyleSheet("color: #2e7d32; font-weight: bold")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.info)
        layout.addWidget(self.catalogue)
        layout.addWidget(self.box)
        layout.addWidget(self.close_button)
        layout.addWidget(self.closed_note)
        layout.addStretch(1)

    def set_review(self, state, catalogue: tuple[bool, list[str]] | None) -> None:
        labels = CONCLUSION_LABELS[state.type]
        self.allowed = tuple(labels)
        for key, button in self.buttons.items():
            button.setVisible(key in labels)
            button.setText(labels.get(key, ""))
            button.setChecked(state.conclusion == key)
        counts = {"open": 0, "accepted": 0, "dismissed": 0}
        for f in state.findings:
            counts[f.status] = counts.get(f.status, 0) + 1
        self.info.setText(
            f"<b>{REVIEW_TYPE_LABELS[state.type]}</b><br>问题 {len(state.findings)} 项（采纳 {counts['accepted']}，"
            f"不采纳 {counts['dismissed']}，待处理 {counts['open']}）；法律意见 {len(state.opinions)} 条"
        )
        if catalogue is None:
            self.catalogue.setText("")
        else:
            required, items = catalogue
            self.catalogue.setText(
                "依重大执法决定法制审核目录：<b>须经法制审核</b>（" + "、".join(items) + "）" if required
                else "依重大执法决定法制审核目录：未列入目录事项"
            )
        closed = state.conclusion is not None
        for button in self.buttons.values():
            button.setEnabled(not closed)
        self.close_button.setEnabled(not closed)
        self.closed_note.setText(f"已于 {cn_date(state.closed)} 办结：{state.conclusion_label}（{state.closed_by}）" if closed else "")

    def _close(self) -> None:
        # Not isVisible(): that is False whenever this tab is not the one shown.
        chosen = next((k for k, b in self.buttons.items() if b.isChecked() and k in self.allowed), None)
        if chosen:
            self.close_requested.emit(chosen)


class RevisionPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = RevisionModel(self)
        self.table = make_table(self.model, (280, 150, 60))
        self.changes = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel("文字变化"))
        layout.addWidget(self.changes, 1)

    def set_revision(self, revision) -> None:
        if revision is None:
            self.title.setText("本文件没有已审查的前一稿。登记修订稿请用“文件 → 打开修订稿”。")
            self.model.set_records([])
            self.changes.clear()
            return
        resolved = sum(1 for s in revision.statuses if s.status == "resolved")
        dismissed = sum(1 for s in revision.statuses if s.earlier.status == "dismissed")
        self.title.setText(
            f"与前稿（{cn_date(revision.earlier.received)} 收文）比较：前稿问题 {len(revision.statuses)} 项"
            f"（其中不采纳 {dismissed} 项），已解决 {resolved} 项，仍存在 {len(revision.statuses) - resolved} 项。"
        )
        self.model.set_records(revision.statuses)
        html = []
        for c in revision.changes:
            if c.kind == "added":
                html.append(f"<p><span style='color:#2e7d32'>新增：</span>{_esc(c.new)}</p>")
            elif c.kind == "removed":
                html.append(f"<p><span style='color:#b3261e'>删除：</span><s>{_esc(c.old)}</s></p>")
            else:
                html.append(f"<p><span style='color:#b26a00'>修改：</span><s>{_esc(c.old)}</s><br>→ {_esc(c.new)}</p>")
        self.changes.setHtml("".join(html) or "<p>文字没有变化。</p>")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
