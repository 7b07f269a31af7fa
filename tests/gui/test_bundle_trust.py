"""Importing another machine's bundle in the window: its key is shown and trusted once."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.helpers.qt import answer_next_dialog
from workbench.log import ReviewLog


def _bundle_from_other_machine(tmp_path, monkeypatch, make_result):
    from workbench.checking import CheckResult
    from workbench.intake import document_from_text

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "zhang-data"))
    monkeypatch.setenv("USER", "张三")
    with ReviewLog.open(tmp_path / "zhang.sqlite3") as other:
        other.open_review(CheckResult(document_from_text("关于甲的通知\n正文", "normative"), []), "legality", reviewer="张三")
        other.export_bundle(None, tmp_path / "zhang.bundle")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "zhang.bundle"


def test_the_window_asks_to_trust_the_signing_machine_once(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    bundle = _bundle_from_other_machine(tmp_path, monkeypatch, None)
    asked = []

    def answer(box, button):
        asked.append(box.text())
        box.grab().save(str(tmp_path / "trust.png"))
        box.button(button).click()

    answer_next_dialog(lambda box: answer(box, QMessageBox.StandardButton.No))
    window.import_bundle(str(bundle))
    assert "信任来自" in asked[0] and "的合并包？" in asked[0] and "密钥指纹" in asked[0]
    assert window.queue_model.rowCount() == 0
    answer_next_dialog(lambda box: answer(box, QMessageBox.StandardButton.Yes))
    window.import_bundle(str(bundle))
    assert window.queue_model.rowCount() == 1 and "已从" in window.status_label.text()
    window.import_bundle(str(bundle))  # trusted now: no question, nothing new
    assert len(asked) == 2 and "导入 0 条新记录" in window.status_label.text()
