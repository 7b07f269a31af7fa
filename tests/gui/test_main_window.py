"""The window as a user drives it: open a real .docx in the background, see the findings."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from workbench.gui.app import sample_document_path
from workbench.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(sample_path=sample_document_path())
    qtbot.addWidget(w)
    w.show()
    return w


def wait_for_result(qtbot, window):
    qtbot.waitUntil(lambda: window.result is not None and window.pending == 0, timeout=15000)


def test_open_sample_shows_document_and_findings(qtbot, window, qtmodeltester):
    window.open_path(sample_document_path())
    assert window.progress.isVisible()  # loading runs in the background
    wait_for_result(qtbot, window)
    assert not window.progress.isVisible()
    assert "须使用市建材公司" in window.document_view.toPlainText()
    model = window.findings_model
    assert model.rowCount() == len(window.result.findings) >= 5
    qtmodeltester.check(model)
    rules = {model.finding(r).rule for r in range(model.rowCount())}
    assert "fc.entry.designated_operator" in rules
    assert "错误" in window.status_label.text()


def test_selecting_a_finding_selects_its_text(qtbot, window):
    window.open_path(sample_document_path())
    wait_for_result(qtbot, window)
    model = window.findings_model
    row = next(r for r in range(model.rowCount()) if model.finding(r).rule == "leg.creates.penalty")
    window.findings_view.selectRow(row)
    assert window.document_view.textCursor().selectedText() == "处五千元罚款"


def test_findings_are_highlighted_in_the_document(qtbot, window):
    window.open_path(sample_document_path())
    wait_for_result(qtbot, window)
    f = next(f for f in window.result.findings if f.rule == "leg.creates.penalty")
    cursor = window.document_view.textCursor()
    cursor.setPosition(f.start + 1)
    assert cursor.charFormat().background().color().name() == "#fde2e1"


def test_bad_file_shows_a_chinese_dialog_and_the_window_stays_up(qtbot, window, tmp_path):
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    window.open_path(str(bad))
    qtbot.waitUntil(lambda: window.last_error_box is not None, timeout=15000)
    assert "损坏" in window.last_error_box.text() and str(bad) in window.last_error_box.text()
    assert window.isVisible() and window.pending == 0
    window.last_error_box.close()


def test_dropping_files_opens_them(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(sample_document_path())])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    wait_for_result(qtbot, window)
    assert window.findings_model.rowCount() > 0
