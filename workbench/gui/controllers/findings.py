"""The 问题 tab: accept, dismiss (with a reason) or reopen each finding; confirm decisions carried
over from the earlier draft with one key (C)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from workbench.gui.document_view import DISMISSED_COLOR, SEVERITY_COLORS
from workbench.gui.panels import FindingsPanel
from workbench.log.model import DISPOSITION_LABELS

_ACTION_FOR_STATUS = {"accepted": "accept", "dismissed": "dismiss"}
_DONE_LABELS = {"accept": "已采纳", "dismiss": "已不采纳", "reopen": "已撤销处理"}


class FindingsController:
    def __init__(self, window):
        self.window = window
        self.panel = FindingsPanel()
        self.panel.finding_selected.connect(self._selected)
        self.panel.dispose_requested.connect(self.dispose)
        self.panel.dispose_many_requested.connect(self.dispose_many)
        self.confirm_action = QAction("确认沿用前稿的处理(&C)", window, shortcut=QKeySequence("C"),
                                      triggered=self.confirm_proposal)
        self.confirm_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.panel.addAction(self.confirm_action)
        self.proposals: dict = {}

    # -- showing -------------------------------------------------------------

    def show(self, state, document, *, new_review: bool = False) -> None:
        if new_review:
            self.panel.reset()  # nothing of the review shown before stays in the detail pane
        self.panel.set_findings(list(state.findings), state.conclusion is None, proposals=self.proposals)
        self.paint(state, document)

    def clear(self) -> None:
        self.proposals = {}
        self.panel.reset()
        self.panel.set_findings([], False)

    def set_proposals(self, proposals: dict) -> None:
        self.proposals = proposals
        self.confirm_action.setEnabled(bool(proposals))

    def paint(self, state, document) -> None:
        if document is None:
            return
        order = ("info", "warning", "error")
        spans = [(f.start, f.end, DISMISSED_COLOR if f.status == "dismissed" else SEVERITY_COLORS[f.severity])
                 for f in sorted(state.findings, key=lambda f: order.index(f.severity))]
        self.window.document_view.highlight(spans)

    def show_selection(self, start: int, end: int) -> None:
        state = self.window.state
        hits = [f for f in state.findings if f.end > f.start and f.start < end and start < f.end]
        self.panel.show_selection_findings(hits)

    # -- acting --------------------------------------------------------------

    def _selected(self, f) -> None:
        w = self.window
        if f.end > f.start and w.document is not None:
            w.document_view.select_offsets(f.start, f.end)
        w.opinions.anchor_finding(f)

    def dispose(self, finding, action: str, reason: str | None = None) -> None:
        w = self.window
        if w.state is None or w.state.conclusion is not None:
            return
        if action == "dismiss" and reason is None:
            from workbench.gui.dialogs import DismissDialog  # when first asked: not with the window

            dialog = DismissDialog(f"F{finding.number} {finding.message}", w)
            if dialog.exec() != DismissDialog.Accepted:
                return
            reason = dialog.text()
        if action == "reopen" and finding.status == "open":
            return
        if w.write(w.ws.dispose, w.state.id, finding.id, action, reason or ""):
            self.proposals.pop(finding.id, None)
            w.show_current()
            self._select_next_open(finding)

    def dispose_many(self, findings, action: str) -> None:
        """One decision for several findings (say, every rule that fired on one passage): one
        reason asked once, one log record per finding, as if each had been decided alone."""
        w = self.window
        if w.state is None or w.state.conclusion is not None or not findings:
            return
        if action == "reopen":
            findings = [f for f in findings if f.status != "open"]
        reason = ""
        if action == "dismiss":
            from workbench.gui.dialogs import DismissDialog

            numbers = "、".join(f"F{f.number}" for f in findings)
            dialog = DismissDialog(f"{numbers}（共 {len(findings)} 项）", w)
            if dialog.exec() != DismissDialog.Accepted:
                return
            reason = dialog.text()
        done = []
        for f in findings:
            if not w.write(w.ws.dispose, w.state.id, f.id, action, reason):
                break  # the log refused (its message is shown): decide no more than it took
            self.proposals.pop(f.id, None)
            done.append(f)
        if done:
            w.show_current()
            self._select_next_open(max(done, key=lambda f: f.number))
            w.status_label.setText(f"{_DONE_LABELS[action]}：" + "、".join(f"F{f.number}" for f in done))

    def confirm_proposal(self) -> None:
        """Take over the earlier draft's decision (and its reason) for the selected finding."""
        f = self.panel.current()
        earlier = self.proposals.get(f.id) if f is not None else None
        if earlier is None:
            self.window.status_label.setText("所选问题没有沿用前稿的处理建议")
            return
        self.dispose(f, _ACTION_FOR_STATUS[earlier.status], earlier.reason)
        self.window.status_label.setText(f"已沿用前稿的处理：F{f.number} {DISPOSITION_LABELS[earlier.status]}")

    def _select_next_open(self, finding) -> None:
        """After a decision, move on to the next finding still open (as a mail client does)."""
        ordered = sorted(self.window.state.findings, key=lambda f: f.number)
        after = [f for f in ordered if f.number > finding.number and f.status == "open"]
        target = (after or [f for f in ordered if f.status == "open"] or [finding])[0]
        self.panel.select_finding(target.id)
