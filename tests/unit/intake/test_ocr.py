"""Scanned PDFs are read by offline OCR (Tesseract, chi_sim) and marked as such with the confidence."""

from __future__ import annotations

import os

import pytest

from tests.helpers.scans import scanned_pdf
from workbench.intake import load_document
from workbench.intake.ocr import missing


@pytest.fixture(scope="module")
def scan(tmp_path_factory, qapp):  # qapp: drawing the scan needs Qt; the widgets' kind, so GUI tests can follow
    lacking = missing()
    if lacking:
        if os.environ.get("CI"):
            pytest.fail(f"{lacking} is missing in CI: scripts/dev.sh installs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils")
        pytest.skip(f"{lacking} is not installed: run bash scripts/dev.sh setup")
    return scanned_pdf(tmp_path_factory.mktemp("scan") / "扫描件.pdf")


def test_a_scan_has_no_text_layer_and_is_read_by_ocr(scan):
    from pypdf import PdfReader

    assert not "".join(p.extract_text() or "" for p in PdfReader(scan).pages).strip()  # really a scan
    doc = load_document(scan)
    assert "排污单位" in doc.text and "批准" in doc.text
    assert "加强排污单位管理的通知" in doc.title  # OCR may misread a character: the note says so
    assert doc.ocr_confidence is not None and 50 < doc.ocr_confidence <= 100
    assert doc.notes[0].startswith("OCR 识别文字") and f"{doc.ocr_confidence:.0f}%" in doc.notes[0]
