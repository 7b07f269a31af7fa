"""The window starts with a broken rule file, says which file and line; printed outputs note the missing pack, every page carries the check code."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from pypdf import PdfReader

from tests.gui.conftest import wait_idle
from tests.gui.test_main_window import PARTICULARS
from workbench import checking
from workbench.gui import printing
from workbench.gui.app import startup_warning
from workbench.reports import build_register, year_stats
from workbench.rules import loader


@pytest.fixture
def broken_rules(tmp_path, monkeypatch):
    root = tmp_path / "rulepacks"
    shutil.copytree(loader.builtin_rules_root(), root, ignore=shutil.ignore_patterns("__pycache__"))
    target = root / "fair_competition" / "market_entry_exit.yaml"
    lines = target.read_text(encoding="utf-8").split("\n")
    lines[5] += " : : ["
    target.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(loader, "builtin_rules_root", lambda: root)
    checking.reload_builtin_rules()
    yield target
    checking.reload_builtin_rules()


def test_window_starts_marks_the_missing_pack_and_says_file_and_line(make_window, broken_rules, qtbot, tmp_path, draft_docx):
    window = make_window()
    assert window.warning_label.isVisible() and "公平竞争审查" in window.warning_label.text()
    box = startup_warning(window)
    assert box is not None and box.isVisible()
    assert str(broken_rules) in box.text() and "第 6 行" in box.text()
    window.grab().save(str(tmp_path / "window.png"))
    box.grab().save(str(tmp_path / "startup-box.png"))
    box.close()
    window.open_paths([draft_docx], particulars=PARTICULARS)  # the other packs still check the draft
    wait_idle(qtbot, window, timeout=120000)
    assert window.state is not None and window.state.findings


def test_every_printed_page_carries_the_missing_pack_and_the_check_code(make_window, broken_rules, tmp_path, qapp):
    window = make_window()
    log = window.ws.log
    register = build_register(log, date(2026, 1, 1), date(2026, 12, 31))
    pdf = printing.export_register_pdf(tmp_path / "台账.pdf", register)
    stats_pdf = printing.export_stats_pdf(tmp_path / "统计.pdf", year_stats(log, 2026))
    for path in (pdf, stats_pdf):
        pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(path).pages]
        assert "规则包“公平竞争审查”未能加载" in "".join(pages)  # the note, once after the content
        for text in pages:  # the check code at the foot of every page
            assert re.search(r"日志校验码\d+-[0-9A-F]{4}-", text), text[-200:]
