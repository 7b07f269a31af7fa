"""The 与前稿对比 tab: each finding of the earlier draft, how it was decided, whether it is resolved;
the text that changed. Decisions on findings that recur on the same words are proposed to the
findings tab, to be confirmed with one key."""

from __future__ import annotations

from workbench.gui.panels import RevisionPanel


class RevisionController:
    def __init__(self, window):
        self.window = window
        self.panel = RevisionPanel()
        self.revision = None

    def show(self, state, document, *, new_review: bool = False) -> None:
        if new_review:
            self.revision = self.window.ws.revision(state, document) if document is not None else None
            self.panel.set_revision(self.revision)
        proposals = self.revision.proposals(state) if self.revision is not None else {}
        self.window.findings.set_proposals(proposals)

    def clear(self) -> None:
        self.revision = None
        self.panel.set_revision(None)
