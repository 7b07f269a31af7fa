"""文件 → 导出批注稿 and the 单位答复 tab, driven as a reviewer does."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from docx import Document as open_docx
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import wait_idle
from tests.helpers.formatted_draft import write_formatted_draft
from tests.helpers.qt import WAIT_MS, answer_next_dialog
from tests.helpers.returned_draft import reply_in_thread, write_threads
from workbench.gui.annotation import TAB_TITLE, AnnotateDialog

PARTICULARS = {"type": "legality", "unit": "大气环境科", "received": date(2026, 9, 2), "due": date(2026, 9, 17)}
DOCS = Path(__file__).resolve().parents[2] / "docs"
_KEEP_SHOT = bool(os.environ.get("WORKBENCH_UPDATE_DOCS"))  # set to refresh the picture in docs/


def _export(qtbot, window, out: Path, with_dismissed=False) -> None:
    def fill(dialog):
        assert isinstance(dialog, AnnotateDialog)
        dialog.path.setText(str(out))
        dialog.with_dismissed.setChecked(with_dismissed)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_dialog(fill)
    window.annotation.action.trigger()
    qtbot.waitUntil(lambda: out.exists() and not window.busy, timeout=WAIT_MS)


def test_export_from_the_menu_then_read_the_units_answers(qtbot, make_window, tmp_path, qtmodeltester):
    window = make_window()
    draft = write_formatted_draft(tmp_path / "挥发性有机物通知.docx")
    window.open_paths([draft], particulars=PARTICULARS)
    wait_idle(qtbot, window)
    for f in window.state.findings:
        window.ws.dispose(window.state.id, f.id, "accept")
    window.show_review(window.state.id)
    first = window.state
    assert "导出批注稿" in window.annotation.action.text()
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions()][:3] == \
        ["打开草案…(&O)", "打开修订稿…(&R)", "导出批注稿…(&A)"]

    out = tmp_path / "批注稿.docx"
    _export(qtbot, window, out)
    assert "批注稿已保存" in window.status_label.text() and "批注 4 条，修订 1 处" in window.status_label.text()
    comments = list(open_docx(out).comments)
    assert sorted(c.text.split("（", 1)[0] for c in comments) == sorted(f.label for f in first.findings)

    # The unit answers one point in the comment's thread and sends the revised draft back.
    returned = open_docx(out)
    licence = next(f for f in first.findings if f.rule == "leg.creates.licence")
    ours = next(c for c in returned.comments if c.text.startswith(licence.label + "（"))
    reply_in_thread(returned, ours, "已删除审批要求。", "大气环境科")
    write_threads(returned)
    revised = tmp_path / "挥发性有机物通知（修改稿）.docx"
    returned.save(str(revised))
    window.open_paths([revised], revision_of=first.id, particulars=PARTICULARS)
    wait_idle(qtbot, window)
    panel = window.annotation.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)
    qtmodeltester.check(panel.model)
    rows = {r[0].split("　", 1)[0]: r for r in panel.model.records()}
    assert rows[licence.label][2] == "大气环境科：已删除审批要求。"
    assert rows[licence.label][1] == "仍存在"  # the text itself was not changed: the comparison says so beside it
    assert all(r[2] == "（未答复）" for label, r in rows.items() if label != licence.label)

    tabs = window.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == TAB_TITLE))
    qtbot.wait(50)
    shot = tmp_path / "window-answers.png"  # docs/window-answers.png is this picture
    assert window.grab().save(str(shot)) and shot.stat().st_size > 0
    if _KEEP_SHOT:
        shot.replace(DOCS / "window-answers.png")
