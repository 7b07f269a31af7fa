"""The 台账与报表 menu from the window: register, letter, year's figures."""

from datetime import date

from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader

from tests.gui.conftest import wait_idle
from tests.helpers.qt import WAIT_MS, answer_next_dialog
from workbench.gui import reports_menu

PARTICULARS = {"type": "legality", "unit": "大气环境科", "received": date.today(), "due": date.today()}


def closed_review(qtbot, window, draft_docx):
    window.open_paths([draft_docx], particulars=PARTICULARS)
    wait_idle(qtbot, window)
    panel = window.findings_panel
    panel.table.selectRow(0)
    panel.accept_action.trigger()
    window.opinions_panel.counsel.setCurrentText("李律师")
    window.opinions_panel.editor.setPlainText("建议删除第二条罚款规定。")
    window.opinions_panel.add_button.click()
    window.conclusion_panel.buttons["amend"].setChecked(True)
    answer_next_dialog(lambda box: box.button(QMessageBox.Yes).click())
    window.conclusion_panel.close_button.click()
    assert window.state.conclusion == "amend"


def test_letter_needs_a_closed_review_then_is_built_for_it(qtbot, make_window, draft_docx):
    window = make_window({"reviewer": "王审查", "counsel": ["李律师"], "bureau_name": "某市生态环境局", "letter_prefix": "某环法审"})
    window.open_paths([draft_docx], particulars=PARTICULARS)
    wait_idle(qtbot, window)
    assert window.letter_actions.letter() is None
    assert "办结" in window.last_error_box.text()
    window.last_error_box.close()


def test_register_letter_and_figures_from_the_window(qtbot, make_window, draft_docx, tmp_path):
    window = make_window({"reviewer": "王审查", "counsel": ["李律师"], "bureau_name": "某市生态环境局", "letter_prefix": "某环法审"})
    closed_review(qtbot, window, draft_docx)

    dialog = reports_menu.RegisterDialog(window)
    qtbot.addWidget(dialog)
    register = dialog.register()
    assert len(register.rows) == 1 and register.bureau == "某市生态环境局"

    pdf = tmp_path / "台账.pdf"
    from workbench.gui.printing import export_register_pdf

    reports_menu._save_in_background(window, "审查台账 PDF", lambda p: export_register_pdf(p, register), str(pdf))
    qtbot.waitUntil(lambda: "已保存" in window.status_label.text(), timeout=WAIT_MS)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")  # cells wrap
    assert "审查台账" in text and "大气环境科" in text and "修改后通过" in text

    letter = window.letter_actions.letter()
    assert letter is not None and letter.title == "合法性审核意见书"

    stats = reports_menu.StatsDialog(window)
    qtbot.addWidget(stats)
    assert "法律顾问提供法律意见1条" in stats.paragraph.toPlainText()
    assert "合法性审核" in stats.tables.toPlainText()
