"""The 法律意见 tab: counsel's opinions, each anchored to a finding, a passage or the whole draft."""

from __future__ import annotations

from workbench.gui.panels import OpinionsPanel


class OpinionsController:
    def __init__(self, window):
        self.window = window
        self.panel = OpinionsPanel()
        self.panel.add_requested.connect(self.add)
        self.panel.edit_requested.connect(self.edit)
        self.panel.opinion_selected.connect(self.selected)
        self.anchor: dict = {}  # what a new opinion is anchored to

    def show(self, state, document, *, new_review: bool = False) -> None:
        p = self.panel
        p.set_counsel_list(self.window.ws.settings.get("counsel") or [])
        p.set_opinions(list(state.opinions), {f.id: f.number for f in state.findings}, state.conclusion is None)
        if new_review:
            p.history.clear()
            self.anchor_document()

    def clear(self) -> None:
        self.panel.set_opinions([], {}, False)
        self.panel.history.clear()
        self.anchor_document()

    # -- anchors -------------------------------------------------------------

    def anchor_document(self) -> None:
        self.anchor = {}
        self.panel.set_anchor("全文")

    def anchor_finding(self, f) -> None:
        self.anchor = {"finding_id": f.id}
        self.panel.set_anchor(f"问题 F{f.number}：{f.message}")

    def anchor_passage(self, text: str, start: int, end: int) -> None:
        self.anchor = {"passage": text, "passage_span": (start, end)}
        self.panel.set_anchor(f"所选文字“{text}”")

    # -- acting --------------------------------------------------------------

    def focus(self) -> None:
        w = self.window
        w.tabs.setCurrentWidget(self.panel)
        self.panel.editor.setFocus()

    def add(self, counsel: str, text: str) -> None:
        w = self.window
        if w.state is None:
            return
        if not counsel:
            w.show_error("请填写法律顾问", "请先选择或填写提出意见的法律顾问姓名（可在“工具 → 设置”中维护名单）。")
            return
        if w.write(w.ws.add_opinion, w.state.id, counsel, text, **self.anchor):
            w.show_current()
            self.panel.editor.clear()
            w.status_label.setText("意见已记录")

    def edit(self, opinion, text: str) -> None:
        w = self.window
        if text != opinion.text and w.write(w.ws.edit_opinion, opinion.id, text):
            w.show_current()
            w.status_label.setText("意见已修改（原文保留在历史中）")

    def selected(self, opinion) -> None:
        self.panel.editor.setPlainText(opinion.text)
        self.panel.show_versions(self.window.ws.log.opinion_versions(opinion.id))
