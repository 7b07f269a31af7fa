"""A scanned PDF opened in the window: the recognised text is marked as OCR, with its confidence."""

from __future__ import annotations

import os

import pytest

from tests.gui.conftest import wait_idle
from tests.gui.test_main_window import PARTICULARS
from tests.helpers.scans import scanned_pdf
from workbench.intake.ocr import missing


def test_the_window_marks_recognised_text_as_ocr(make_window, qtbot, tmp_path):
    lacking = missing()
    if lacking:
        if os.environ.get("CI"):
            pytest.fail(f"{lacking} is missing in CI: scripts/dev.sh installs it")
        pytest.skip(f"{lacking} is not installed: run bash scripts/dev.sh setup")
    scan = scanned_pdf(tmp_path / "扫描件.pdf")
    window = make_window()
    window.open_paths([scan], particulars=PARTICULARS)
    wait_idle(qtbot, window, timeout=600000)  # OCR takes seconds on a busy machine: a bound, not a speed check
    assert window.state is not None, window.status_label.text()
    header = window.header.text()
    assert "OCR 识别文字" in header and "置信度" in header
    assert "排污单位" in window.document_view.toPlainText()
    window.grab().save(str(tmp_path / "ocr-window.png"))
