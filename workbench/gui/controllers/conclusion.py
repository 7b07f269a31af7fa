"""The 结论 tab: the conclusion, confirmed before the review is closed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from workbench.gui.panels import ConclusionPanel
from workbench.log.model import CONCLUSION_LABELS


class ConclusionController:
    def __init__(self, window):
        self.window = window
        self.panel = ConclusionPanel()
        self.panel.close_requested.connect(self.close_review)

    def show(self, state, document, *, new_review: bool = False) -> None:
        catalogue = None
        if state.type == "enforcement" and document is not None:
            catalogue = self.window.ws.catalogue_items(state, document.text)
        self.panel.set_review(state, catalogue)

    def clear(self) -> None:
        pass

    def close_review(self, conclusion: str) -> None:
        w = self.window
        if w.state is None:
            return
        open_count = sum(1 for f in w.state.findings if f.status == "open")
        label = CONCLUSION_LABELS[w.state.type][conclusion]
        question = f"以“{label}”办结本次审查？办结后不能再处理问题或添加意见。"
        if open_count:
            question += f"\n\n尚有 {open_count} 个问题未处理。"
        box = QMessageBox(QMessageBox.Question, "办结审查", question, QMessageBox.Yes | QMessageBox.No, w)
        box.button(QMessageBox.Yes).setText("办结")
        box.button(QMessageBox.No).setText("取消")
        if box.exec() == QMessageBox.Yes and w.write(w.ws.close_review, w.state.id, conclusion):
            w.show_current()
            w.status_label.setText(f"已办结：{label}")
