"""What a reviewer sees in the window: revisions, carried decisions, dialogs, the screen it fits."""

from datetime import date

from docx import Document as NewDocx
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.gui.conftest import DRAFT, wait_idle
from tests.gui.test_main_window import finding_row as row_of
from tests.helpers.qt import WAIT_MS, answer_next_dialog
from workbench.gui.dialogs import DismissDialog
from workbench.gui.main_window import PREFERRED_SIZE, fit_to_screen

PARTICULARS = {"type": "legality", "unit": "大气环境科", "received": date(2026, 11, 2), "due": date(2026, 11, 17)}


def open_draft(qtbot, window, path, **kw):
    window.open_paths([path], particulars=kw.pop("particulars", PARTICULARS), **kw)
    wait_idle(qtbot, window)


def revised_draft(tmp_path):
    path = tmp_path / "建材规定（修改稿）.docx"
    d = NewDocx()
    for line in DRAFT:
        d.add_paragraph(line.replace("由市生态环境局处五千元罚款", "依照有关法律、法规的规定处理"))
    d.save(path)
    return path


def test_a_revision_starts_clean_and_carries_the_earlier_decisions(qtbot, make_window, draft_docx, tmp_path):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    row, licence = row_of(window, "leg.creates.licence")
    window.findings_panel.table.selectRow(row)
    answer_next_dialog(lambda d: (d.reason.setPlainText("已有上位法依据"), d.buttons.button(QDialogButtonBox.Ok).click()))
    window.findings_panel.dismiss_action.trigger()
    row, penalty = row_of(window, "leg.creates.penalty")
    window.findings_panel.table.selectRow(row)
    window.document_view.setFocus()
    window.document_view.select_offsets(penalty.start, penalty.end)
    assert window.findings_panel.selection_note.text() and window.findings_panel.detail.toPlainText()

    window.open_paths([revised_draft(tmp_path)], revision_of=window.state.id, particulars=PARTICULARS)
    wait_idle(qtbot, window)
    panel = window.findings_panel
    assert panel.detail.toPlainText() == "" and panel.selection_note.text() == ""  # nothing of draft 1 stays

    # 与前稿对比 says how each earlier finding was decided.
    earlier = {s.earlier.rule: window.revision_panel.model.data(window.revision_panel.model.index(i, 1))
               for i, s in enumerate(window.revision_panel.model.records())}
    assert earlier["leg.creates.licence"] == "不采纳：已有上位法依据"
    # The recurring finding comes with the earlier decision proposed, confirmed with one key.
    row, now = row_of(window, "leg.creates.licence")
    assert now.status == "open" and "拟不采纳" in panel.proxy.index(row, 2).data()
    window.tabs.setCurrentWidget(panel)  # the window opened on 与前稿对比; the reviewer goes to 问题
    panel.show_dismissed.setChecked(True)
    row, _ = row_of(window, "leg.creates.licence")
    panel.table.selectRow(row)
    window.activateWindow()  # keys reach shortcuts of the active window (the dialogs took it)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_C)
    carried = window.state.finding(now.id)
    assert (carried.status, carried.reason) == ("dismissed", "已有上位法依据")


def test_a_file_titled_as_an_open_review_is_offered_as_its_revision(qtbot, make_window, draft_docx, tmp_path):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    first = window.state
    answer_next_dialog(lambda box: next(b for b in box.buttons() if b.text() == "作为修订稿登记").click())
    open_draft(qtbot, window, revised_draft(tmp_path))
    assert window.state.id != first.id and window.state.document.previous_id == first.document.id
    assert window.revision_panel.model.rowCount() == len(first.findings)
    assert window.queue_model.data(window.queue_model.index(0, 1)) == "第2稿"


def test_the_window_fits_a_1366_by_768_screen(qtbot, make_window):
    laptop = QRect(0, 0, 1366, 728)  # below the task bar
    assert laptop.contains(fit_to_screen(PREFERRED_SIZE, laptop))
    window = make_window()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728, hint
    window.setGeometry(fit_to_screen(PREFERRED_SIZE, laptop))
    assert window.width() <= 1366 and window.height() <= 728


def test_focus_starts_outside_the_search_box(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is not None, timeout=WAIT_MS)
    assert window.focusWidget() is not window.queue_search


def test_dismiss_dialog_shows_the_message_and_takes_ctrl_enter(qtbot):
    long = "规定了“处五千元罚款”，规范性文件不得设定行政处罚；违法行为的处罚应援引法律、法规、规章的具体条款。" * 3
    dialog = DismissDialog(f"F3 {long}")
    qtbot.addWidget(dialog)
    assert dialog.message.text().endswith("…") and dialog.message.toolTip() == f"F3 {long}"
    short = DismissDialog("F1 设定行政许可")
    qtbot.addWidget(short)
    assert short.message.text() == "不采纳：F1 设定行政许可"
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    dialog.reason.setPlainText("系重申上位法")
    qtbot.keyClick(dialog.reason, Qt.Key_Return, Qt.ControlModifier)
    assert dialog.result() == DismissDialog.Accepted


def test_queue_has_status_and_draft_columns_none_cut(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    model, header = window.queue_model, window.queue_view.horizontalHeader()
    titles = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert titles[:2] == ["状态", "稿次"] and model.data(model.index(0, 1)) == "第1稿"
    for column, title in enumerate(titles):
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title


def test_opinion_times_show_hour_and_minute_and_the_anchor_is_not_cut(qtbot, make_window, draft_docx):
    import re

    window = make_window()
    open_draft(qtbot, window, draft_docx)
    row, f = row_of(window, "leg.creates.penalty")
    window.findings_panel.table.selectRow(row)
    anchor = window.opinions_panel.anchor
    assert anchor.full_text() == f"针对：问题 F{f.number}：{f.message}"  # the whole message, elided only on screen
    window.opinions_panel.counsel.setCurrentText("李律师")
    window.opinions_panel.editor.setPlainText("建议删除。")
    window.opinions_panel.add_button.click()
    shown = window.opinions_panel.model.data(window.opinions_panel.model.index(0, 0))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", shown), shown


def test_qt_dialogs_speak_chinese_and_start_where_the_reviewer_works(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from workbench.gui import file_dialogs

    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert QCoreApplication.translate("QFileDialog", "Back") == "后退"  # Qt's own catalogue still answers
    settings = {}
    assert file_dialogs.start_folder(settings) == file_dialogs.documents_folder()
    file_dialogs.remember_folder(settings, str(tmp_path / "草案.docx"))
    assert file_dialogs.start_folder(settings) == str(tmp_path)
    assert file_dialogs.safe_name("关于a/b:c的通知") == "关于a_b_c的通知"


def test_the_letters_number_is_shown_and_can_be_changed(qtbot, make_window, draft_docx):
    window = make_window({"reviewer": "王审查", "counsel": ["李律师"], "bureau_name": "某市生态环境局",
                          "letter_prefix": "某环法审"})
    open_draft(qtbot, window, draft_docx)
    window.conclusion_panel.buttons["amend"].setChecked(True)
    answer_next_dialog(lambda box: box.button(QMessageBox.Yes).click())
    window.conclusion_panel.close_button.click()
    year = date.today().year
    assert window.letter_actions.number() == f"某环法审〔{year}〕1号"
    letter = window.letter_actions.issue("15")
    assert letter.number == f"某环法审〔{year}〕15号" == window.state.letter.number
    assert f"某环法审〔{year}〕15号" in window.header.text()


def test_a_fair_competition_finding_shows_the_closest_published_case(qtbot, make_window, draft_docx):
    window = make_window()
    open_draft(qtbot, window, draft_docx)
    row, finding = row_of(window, "fc.entry.designated_operator")
    window.findings_panel.table.selectRow(row)
    detail = window.findings_panel.detail.toPlainText()
    assert "类似的已通报案例" in detail and "相似度" in detail
    row, licence = row_of(window, "leg.creates.licence")
    window.findings_panel.table.selectRow(row)
    assert "类似的已通报案例" not in window.findings_panel.detail.toPlainText()
