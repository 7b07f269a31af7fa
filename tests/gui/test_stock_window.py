"""The stock window driven as a user would: import, 到期提醒 and a review opened from it, 清理 with a
decision, 案卷评查 with a problem taken from a finding and its rectification, the 评查台账 as PDF."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton

from tests.gui.conftest import wait_idle
from tests.helpers.qt import WAIT_MS, answer_next_dialog
from tests.helpers.stock_corpus import EVAL, build_cases, build_issued
from workbench.gui import stock_menu
from workbench.gui.printing import export_pdf
from workbench.gui.models import RecordRole
from workbench.gui.stock_window import TAB_CASES, TAB_CLEANUP, TAB_REMINDERS
from workbench.log.stock import StockRecords
from workbench.reports.cleanup import totals_text

pytestmark = pytest.mark.skipif(not (EVAL / "penalty_decisions").is_dir(), reason="shared/eval not present")


def wait_stock(qtbot, stock):
    qtbot.waitUntil(lambda: stock.idle, timeout=60000)


def answer_dialog(fill):
    """When the next modal dialog opens: ``fill(dialog)`` then accept it."""
    def go():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, go)
            return
        fill(dialog)
        dialog.accept()
    QTimer.singleShot(0, go)


@pytest.fixture
def stock_window(qtbot, make_window, tmp_path):
    build_issued(tmp_path / "规范性文件", 16, as_of=date.today())
    build_cases(tmp_path / "案卷")
    window = make_window()
    stock = stock_menu.open_stock(window, 0)
    qtbot.addWidget(stock)
    wait_stock(qtbot, stock)
    stock.issued_view.import_paths([str(tmp_path / "规范性文件")])
    wait_stock(qtbot, stock)
    return window, stock


def test_models_are_well_behaved(qtmodeltester, stock_window):
    _window, stock = stock_window
    assert stock.issued_view.model.rowCount() == 19
    for model in (stock.issued_view.model, stock.reminders_view.model):
        qtmodeltester.check(model)


def test_reminders_at_start_and_a_review_opened_from_one(qtbot, stock_window):
    window, stock = stock_window
    stock_menu.show_reminder(window)
    due = stock.reminders_view.model.records()
    assert due and all(0 <= d.days_left(date.today()) <= 90 for d in due)
    assert window.reminder_button.text() == f"到期提醒：{len(due)} 件规范性文件将在 90 天内到期"
    stock.reminders_view.days.setValue(10)  # a narrower window is remembered
    assert window.ws.settings["expiry_reminder_days"] == 10
    stock.reminders_view.days.setValue(90)
    window.reminder_button.click()
    assert stock.tabs.currentIndex() == TAB_REMINDERS
    stock.reminders_view.table.selectRow(0)
    chosen = stock.reminders_view.model.record(stock.reminders_view.proxy.mapToSource(
        stock.reminders_view.proxy.index(0, 0)).row())
    stock.reminders_view.open_review()
    wait_idle(qtbot, window)
    [review] = window.ws.log.reviews()
    assert review.type == "legality" and review.title == chosen.title and review.unit == chosen.organ


def test_cleanup_in_the_window_with_a_confirmation_and_a_change(qtbot, stock_window):
    window, stock = stock_window
    stock.tabs.setCurrentIndex(TAB_CLEANUP)
    view = stock.cleanup_view
    assert view.summary.text().startswith("尚未进行清理")
    view.start()
    wait_stock(qtbot, stock)
    assert view.model.rowCount() == 19 and view.runs.count() == 1
    assert view.summary.text().startswith("合计：清理规范性文件19件")
    view.table.selectRow(0)
    first = view.proxy.data(view.proxy.index(0, 0), RecordRole)
    view.confirm()
    wait_stock(qtbot, stock)
    assert view.model.record(0).decision == first.outcome or any(
        i.decision == first.outcome for i in view.model.records() if i.document.id == first.document.id)
    view.table.selectRow(1)
    second = view.proxy.data(view.proxy.index(1, 0), RecordRole)
    other = "lapse" if second.outcome != "lapse" else "continue"

    def fill(dialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(other))
        dialog.reason.setText("经评估，不再适用")
    answer_dialog(fill)
    view.change()
    wait_stock(qtbot, stock)
    decided = {i.document.id: i for i in StockRecords(window.ws.log).items(view.run_id())}
    assert decided[second.document.id].decision == other
    assert decided[second.document.id].decision_reason == "经评估，不再适用"
    assert "已确认2件" in view.summary.text()
    view.table.selectRow(1)
    assert "理由：经评估，不再适用" in view.detail.toPlainText()


def test_a_decision_updates_its_rows_without_re_reading_the_tables(qtbot, stock_window):
    """A confirmation re-reads one document and repaints its rows; the tables are not reset
    (with 500 documents resetting them after each click was the window's longest stall)."""
    window, stock = stock_window
    view = stock.cleanup_view
    view.start()
    wait_stock(qtbot, stock)
    resets = []
    for model in (view.model, stock.issued_view.model):
        model.modelReset.connect(lambda m=model: resets.append(m))
    row = next(r for r in range(view.proxy.rowCount())
               if view.proxy.data(view.proxy.index(r, 0), RecordRole).outcome != "repeal")
    view.table.selectRow(row)
    item = view.proxy.data(view.proxy.index(row, 0), RecordRole)

    def fill(dialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("repeal"))
        dialog.reason.setText("上位法已废止，不再保留")
    answer_dialog(fill)
    view.change()
    wait_stock(qtbot, stock)
    assert resets == []
    shown = view.proxy.data(view.proxy.index(row, 0), RecordRole)
    assert shown.document.id == item.document.id and shown.decision == "repeal"
    assert view.proxy.data(view.proxy.index(row, 1)) == "废止"
    assert "已确认1件" in view.summary.text() and "（已确认 1）" in view.runs.currentText()
    [doc] = [d for d in stock.issued_view.model.records() if d.id == item.document.id]
    assert doc.decided == "repeal" and doc.status(date.today()) == "repealed"
    assert "已废止 1" in stock.issued_view.summary.text()
    # what the window shows is what the log holds
    [stored] = [i for i in StockRecords(window.ws.log).items(view.run_id()) if i.document.id == item.document.id]
    assert stored == shown


def cases_tab(qtbot, stock_window, folder):
    """The 案卷评查 tab with the case files of ``folder`` registered."""
    window, stock = stock_window
    stock.tabs.setCurrentIndex(TAB_CASES)
    stock.cases_view.import_path(str(folder))
    wait_stock(qtbot, stock)
    return window, stock, stock.cases_view


def test_case_evaluation_problem_from_a_finding_rectified_and_printed(qtbot, stock_window, tmp_path):
    window, stock, view = cases_tab(qtbot, stock_window, tmp_path / "案卷")
    this_year = date.today().year
    view.year.setValue(this_year)  # the files awaiting evaluation
    wait_stock(qtbot, stock)
    assert view.case_model.rowCount() == 12
    view.cases.selectRow(0)
    qtbot.waitUntil(lambda: view.finding_model.rowCount() > 0, timeout=WAIT_MS)
    view.findings.selectRow(0)
    message = view.finding_model.record(0).message
    answer_dialog(lambda d: None)  # take the finding as suggested
    view.take_finding()
    wait_stock(qtbot, stock)
    assert view.problem_model.rowCount() == 1
    problem = view.problem_model.record(0)
    assert problem.rule and problem.description == message
    view.problems.selectRow(0)

    def fill(dialog):
        dialog.responsible.setText("张三")
        dialog.progress.setText("已补正决定书")
        dialog.done_box.setChecked(True)
    answer_dialog(fill)
    view.rectify()
    wait_stock(qtbot, stock)
    view.conclusion.setCurrentIndex(view.conclusion.findData("pass"))
    view.evaluate()
    wait_stock(qtbot, stock)
    assert view.problem_model.record(0).rectified
    assert view.figures.text().startswith(f"{this_year}年共评查行政执法案卷1件，发现问题1个")
    pdf = export_pdf(tmp_path / "评查台账.pdf", view.ledger())
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for words in ("行政执法案卷评查台账", "整改责任人", "张三", "已补正决定书", "已整改", "合格"):
        assert words in text.replace(" ", "").replace("\n", ""), words


def _button(widget, text):
    [button] = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return button


def test_cleanup_results_printed_to_a_pdf_from_the_window(qtbot, stock_window, tmp_path):
    """The 清理结果 PDF button: the save dialog answered as a user would, the PDF read back with
    pdftotext (what a reader of the printed table sees), one row per document with its outcome."""
    window, stock = stock_window
    stock.tabs.setCurrentIndex(TAB_CLEANUP)
    view = stock.cleanup_view
    view.start()
    wait_stock(qtbot, stock)
    view.table.selectRow(0)
    first = view.proxy.data(view.proxy.index(0, 0), RecordRole)
    view.confirm()
    wait_stock(qtbot, stock)

    pdf = tmp_path / "清理结果.pdf"

    def save_as(dialog):
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(pdf))
        dialog.accept()
    answer_next_dialog(save_as)
    _button(view, "清理结果 PDF…").click()
    qtbot.waitUntil(lambda: "清理结果 PDF已保存" in stock.status_label.text(), timeout=60000)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "规范性文件清理结果" in flat and "清理基准日" in flat
    assert totals_text(view.model.records()).replace(" ", "") in flat
    for item in view.model.records():
        assert "".join((item.document.title or item.document.file_name).split()) in flat
    assert "".join(first.decided_by.split()) in flat and flat.count("待确认") >= len(view.model.records()) - 1

    shown = []
    answer_next_dialog(lambda dialog: (shown.append(dialog.windowTitle()), dialog.reject()))
    _button(view, "清理结果打印预览…").click()
    assert shown and "清理结果" in shown[0]


def test_a_case_files_party_and_date_corrected_in_the_window(qtbot, stock_window, tmp_path):
    window, stock, view = cases_tab(qtbot, stock_window, tmp_path / "案卷")
    view.year.setValue(date.today().year)
    wait_stock(qtbot, stock)
    view.cases.selectRow(0)
    case = view.current()

    def fill(dialog):
        dialog.party.setText("某某环保科技有限公司")
        dialog.decided.setDate(QDate(2025, 3, 1))
        dialog.reason.setText("以决定书原件为准")
    answer_dialog(fill)
    _button(view, "更正所选案卷…").click()
    wait_stock(qtbot, stock)
    [shown] = [c for c in view.case_model.records() if c.id == case.id]
    assert (shown.party, shown.decided) == ("某某环保科技有限公司", "2025-03-01")
    row = view.case_model.records().index(shown)
    assert view.case_model.data(view.case_model.index(row, 1)).endswith("（已更正）")
    assert view.case_model.data(view.case_model.index(row, 0)) == "2025-03-01"
    assert "更正当事人、作出日期：以决定书原件为准" in view.case_model.data(view.case_model.index(row, 2), Qt.ToolTipRole)
    view.cases.selectRow(view.case_proxy.mapFromSource(view.case_model.index(row, 0)).row())
    assert "当事人：某某环保科技有限公司" in view.case_label.text()
    ledger = view.ledger()
    [printed] = [r for r in ledger.rows if r["当事人"] == "某某环保科技有限公司"]
    assert printed["案卷名称及文号"].endswith("2025年3月1日作出")
    assert window.ws.log.verify().ok
