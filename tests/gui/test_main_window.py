"""The workbench as a reviewer uses it, from opening a draft to closing the review."""

from datetime import date

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.gui.conftest import wait_idle
from tests.helpers.qt import WAIT_MS, answer_next_dialog
from workbench.gui.dialogs import DismissDialog, NewReviewDialog

PARTICULARS = {"type": "legality", "unit": "大气环境科", "received": date(2026, 11, 2), "due": date(2026, 11, 17)}


def open_draft(qtbot, window, path, **kw):
    window.open_paths([path], particulars=kw.pop("particulars", PARTICULARS), **kw)
    wait_idle(qtbot, window)
    assert window.state is not None, window.status_label.text()


def finding_row(window, rule):
    panel = window.findings_panel
    for row in range(panel.proxy.rowCount()):
        f = panel.proxy.data(panel.proxy.index(row, 0), Qt.UserRole + 1)
        if f.rule == rule:
            return row, f
    raise AssertionError(f"{rule} not shown")


def test_whole_review_from_opening_to_reopening(qtbot, make_window, draft_docx, qtmodeltester):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    state = window.state
    assert state.type == "legality" and state.unit == "大气环境科"
    assert "须使用市建材公司" in window.document_view.toPlainText()
    for model in (window.queue_model, window.findings_panel.model, window.opinions_panel.model,
                  window.citations_panel.model, window.revision_panel.model):
        qtmodeltester.check(model)

    # Clicking a finding selects its words in the document.
    row, penalty = finding_row(window, "leg.creates.penalty")
    window.findings_panel.table.selectRow(row)
    assert window.document_view.textCursor().selectedText() == "处五千元罚款"

    # Accept it with the keyboard (A), as the menu shows.
    window.findings_panel.table.setFocus()
    qtbot.keyClick(window.findings_panel.table, Qt.Key_A)
    assert window.state.finding(penalty.id).status == "accepted"

    # Dismiss another with a reason, through the dialog.
    row, licence = finding_row(window, "leg.creates.licence")
    window.findings_panel.table.selectRow(row)

    def give_reason(dialog):
        assert isinstance(dialog, DismissDialog)
        dialog.reason.setPlainText("已有上位法依据，系重申")
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    answer_next_dialog(give_reason)
    window.findings_panel.dismiss_action.trigger()
    assert window.state.finding(licence.id).status == "dismissed"
    assert window.state.finding(licence.id).reason == "已有上位法依据，系重申"
    assert not any(f.id == licence.id for f in window.findings_panel.proxy.sourceModel().records()
                   if window.findings_panel.proxy.mapFromSource(window.findings_panel.model.index(
                       window.findings_panel.model.records().index(f), 0)).isValid())
    window.findings_panel.show_dismissed.setChecked(True)
    assert any(window.findings_panel.proxy.data(window.findings_panel.proxy.index(r, 0), Qt.UserRole + 1).id == licence.id
               for r in range(window.findings_panel.proxy.rowCount()))

    # A counsel opinion anchored to the selected finding.
    row, _ = finding_row(window, "leg.creates.penalty")
    window.findings_panel.table.selectRow(row)
    window.opinions_panel.counsel.setCurrentText("李律师")
    window.opinions_panel.editor.setPlainText("建议删除第二条罚款规定，改为援引上位法。")
    window.opinions_panel.add_button.click()
    (opinion,) = window.state.opinions
    assert opinion.counsel == "李律师" and opinion.finding_id == penalty.id
    assert window.opinions_panel.model.rowCount() == 1

    # Edit it: the log keeps both versions.
    window.opinions_panel.table.selectRow(0)
    window.opinions_panel.editor.setPlainText("建议删除第二条，违法行为依照上位法处罚。")
    window.opinions_panel.edit_button.click()
    assert window.state.opinions[0].text.startswith("建议删除第二条，") and window.state.opinions[0].versions == 2
    window.opinions_panel.table.selectRow(0)
    window.opinions.selected(window.state.opinions[0])
    assert "建议删除第二条罚款规定，改为援引上位法。" in window.opinions_panel.history.text()  # the first text is kept

    # Conclusion: 修改后通过, confirmed in a dialog.
    window.tabs.setCurrentIndex(3)
    window.conclusion_panel.buttons["amend"].setChecked(True)
    answer_next_dialog(lambda box: box.button(QMessageBox.Yes).click())
    window.conclusion_panel.close_button.click()
    assert window.state.conclusion == "amend"
    assert not window.findings_panel.accept_action.isEnabled()  # closed: no more changes
    review_id = window.state.id
    window.close()

    # A new window on the same log restores the same review, intact.
    again = make_window(window.ws.settings)
    again.restore_last_review()
    qtbot.waitUntil(lambda: again.state is not None and again.document is not None, timeout=WAIT_MS)
    assert again.state.id == review_id
    assert again.state.conclusion == "amend"
    assert again.state.finding(penalty.id).status == "accepted"
    assert again.state.finding(licence.id).status == "dismissed"
    assert again.state.opinions[0].versions == 2
    assert "已办结" in again.header.text()
    assert again.queue_model.rowCount() == 1
    assert "已办结" in again.queue_model.data(again.queue_model.index(0, 0))


def test_reopening_from_the_queue_works_after_the_file_is_gone(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    first = window.state.id
    draft_docx.unlink()
    window.show_review(None)
    window.documents.clear()
    window.queue_view.selectRow(0)
    window.queue._open(window.queue_proxy.index(0, 0))
    qtbot.waitUntil(lambda: window.state is not None and window.document is not None, timeout=WAIT_MS)
    assert window.state.id == first
    assert "须使用市建材公司" in window.document_view.toPlainText()


def test_selecting_text_shows_its_findings_and_anchors_the_opinion(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    _, penalty = finding_row(window, "leg.creates.penalty")
    window.document_view.setFocus()
    window.document_view.select_offsets(penalty.start - 2, penalty.end)
    assert f"F{penalty.number}" in window.findings_panel.selection_note.text()
    assert window.anchor["passage"].endswith("处五千元罚款")
    window.opinions_panel.counsel.setCurrentText("赵律师")
    window.opinions_panel.editor.setPlainText("此处罚款无上位法依据。")
    window.opinions_panel.add_button.click()
    assert window.state.opinions[0].passage.endswith("处五千元罚款")


def test_tables_are_shown_as_tables(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    tables = [f for f in window.document_view.document().rootFrame().childFrames()]
    assert len(tables) == 1 and tables[0].rows() == 1 and tables[0].columns() == 2


def test_new_review_dialog_and_revised_draft(qtbot, make_window, draft_docx, tmp_path):
    window = make_window()

    def fill(dialog):
        assert isinstance(dialog, NewReviewDialog)
        dialog.set_type("legality")
        dialog.unit_box.setCurrentText("水环境科")
        assert dialog.reviewer.text() == "王审查"  # remembered from the settings
        dialog.reviewer.setText("张审查")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_dialog(fill)
    window.open_paths([draft_docx])
    wait_idle(qtbot, window)
    assert window.state.unit == "水环境科"
    assert window.state.reviewer == "张审查" and window.ws.settings["reviewer"] == "张审查"
    first = window.state

    revised = tmp_path / "建材规定（修改稿）.docx"
    from docx import Document as NewDocx

    from tests.gui.conftest import DRAFT

    d = NewDocx()
    for line in DRAFT:
        d.add_paragraph(line.replace("由市生态环境局处五千元罚款", "依照有关法律、法规的规定处理"))
    d.save(revised)
    window.open_paths([revised], revision_of=first.id, particulars=PARTICULARS)
    wait_idle(qtbot, window)
    assert window.state.id != first.id
    assert window.tabs.currentIndex() == 4
    statuses = {s.earlier.rule: s.status for s in window.revision_panel.model.records()}
    assert statuses["leg.creates.penalty"] == "resolved"
    assert statuses["leg.creates.licence"] == "still_present"
    assert "依照有关法律" in window.revision_panel.changes.toPlainText()


def test_opening_the_same_file_again_offers_the_existing_review(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    first = window.state.id
    window.show_review(None)
    answer_next_dialog(lambda box: box.buttons()[0].click())  # 打开已有审查
    window.open_paths([draft_docx])
    assert window.state.id == first
    assert window.queue_model.rowCount() == 1


def test_bad_file_shows_a_chinese_dialog_and_nothing_is_recorded(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    window.open_paths([bad], particulars=PARTICULARS)
    wait_idle(qtbot, window)
    assert window.last_error_box is not None and "损坏" in window.last_error_box.text()
    assert window.queue_model.rowCount() == 0 and window.isVisible()
    window.last_error_box.close()


def test_cancelled_check_records_nothing(qtbot, make_window, draft_docx):
    window = make_window()
    window.open_paths([draft_docx], particulars=PARTICULARS)
    assert window.busy and window.cancel_button.isVisible()
    window.cancel_work()
    wait_idle(qtbot, window)
    assert "取消" in window.status_label.text()
    assert window.queue_model.rowCount() == 0


def test_dropping_several_files_registers_each(qtbot, make_window, draft_docx, tmp_path):
    window = make_window()
    second = tmp_path / "第二份.txt"
    second.write_text("关于某事的通知\n各单位须使用某某公司的产品。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(draft_docx)), QUrl.fromLocalFile(str(second))])

    def accept(dialog):
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        assert not ok.isEnabled()  # 送审单位 is asked for: no registering without it
        dialog.unit_box.setCurrentText("大气环境科")
        ok.click()

    answer_next_dialog(accept)
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 2 and not window.busy, timeout=WAIT_MS)
    assert {r.type for r in window.queue_model.records()} == {"legality"}


def test_queue_filters(qtbot, make_window, draft_docx, tmp_path):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    other = tmp_path / "决定书.txt"
    other.write_text("行政处罚决定书\n当事人：某某化工有限公司\n我局决定对你单位处以罚款。\n", encoding="utf-8")
    open_draft(qtbot, window, other, particulars={**PARTICULARS, "type": "enforcement", "unit": "执法支队"})
    assert window.queue_model.rowCount() == 2
    window.queue_search.setText("执法支队")
    assert window.queue_proxy.rowCount() == 1
    window.queue_search.clear()
    window.queue_type.setCurrentIndex(window.queue_type.findData("enforcement"))
    assert window.queue_model.rowCount() == 1


def test_citations_panel_lists_each_citation_with_its_verdict(qtbot, make_window, draft_docx, qtmodeltester):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    model = window.citations_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=WAIT_MS)
    qtmodeltester.check(model)
    row = model.record(0)
    assert row.cited.startswith("《中华人民共和国大气污染防治法》第九十九条")
    assert row.state == "repealed" and "生态环境法典" in row.detail  # received 2026-11-02, after the 法典
    window.citations_panel.table.selectRow(0)
    assert window.document_view.textCursor().selectedText() == row.cited


def test_the_shown_review_is_remembered_without_closing_the_window(qtbot, make_window, draft_docx):
    from workbench.settings import load_settings

    window = make_window()
    open_draft(qtbot, window, draft_docx)
    assert load_settings()["last_review"] == window.state.id  # saved at once, not only in closeEvent
