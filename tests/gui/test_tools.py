"""Rule browser and settings, as a user changes them."""

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import wait_idle
from tests.helpers.qt import answer_next_dialog
from workbench.gui.rule_browser import RuleBrowser, RulesModel
from workbench.gui.settings_dialog import SettingsDialog
from workbench.rules import load_builtin_rules
from workbench.settings import load_settings

PARTICULARS = {"type": "legality", "unit": "大气环境科", "received": date(2026, 11, 2), "due": date(2026, 11, 17)}


def test_rule_browser_shows_basis_and_examples_and_filters(qtbot, qtmodeltester):
    rules = load_builtin_rules()
    browser = RuleBrowser(rules, [], None)
    qtbot.addWidget(browser)
    qtmodeltester.check(RulesModel(rules))
    browser.search.setText("fc.entry.designated_operator")
    assert browser.proxy.rowCount() == 1
    browser.table.selectRow(0)
    html = browser.detail.toPlainText()
    assert "公平竞争审查条例" in html and "应当触发的示例" in html and "不应触发的示例" in html


def test_switching_a_pack_off_is_saved_and_honoured(qtbot, make_window, draft_docx):
    window = make_window()

    def untick(browser):
        browser.pack_boxes["fair_competition"].setChecked(False)
        browser.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_dialog(untick)
    window.show_rules()
    assert window.ws.settings["disabled_packs"] == ["fair_competition"]
    assert load_settings()["disabled_packs"] == ["fair_competition"]
    window.open_paths([draft_docx], particulars=PARTICULARS)
    wait_idle(qtbot, window)
    assert window.state.findings
    assert not any(f.rule_review == "fair_competition" for f in window.state.findings)


def test_settings_dialog_saves_counsel_and_thresholds(qtbot, make_window):
    window = make_window()

    def fill(dialog):
        assert isinstance(dialog, SettingsDialog)
        dialog.bureau.setText("某市生态环境局")
        dialog.counsel.setPlainText("钱律师\n孙律师\n")
        dialog.organisation.setValue(200000)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    answer_next_dialog(fill)
    window.show_settings()
    saved = load_settings()
    assert saved["bureau_name"] == "某市生态环境局"
    assert saved["counsel"] == ["钱律师", "孙律师"]
    assert saved["catalogue_thresholds"]["organisation"] == 200000
    assert saved["reviewer"] == "王审查"  # untouched keys kept
    items = [window.opinions_panel.counsel.itemText(i) for i in range(window.opinions_panel.counsel.count())]
    assert items == ["钱律师", "孙律师"]


def test_qt_standard_dialogs_speak_chinese(qtbot):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    box = QMessageBox(QMessageBox.Warning, "标题", "内容", QMessageBox.Ok)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.Ok).text() == "确定"
    dialog = QFileDialog(None, "打开草案")
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = " ".join(w.text() for w in dialog.findChildren(__import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel))
    assert "文件名" in labels or "查看" in labels


def test_no_display_is_explained_in_chinese(monkeypatch):
    from workbench.gui.app import no_display_message

    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    message = no_display_message()
    assert message is not None and "DISPLAY" in message and "workbench check" in message
