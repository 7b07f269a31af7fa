"""案卷评查 of the published penalty decisions: problems from findings and by hand, rectification, ledger, figures."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from workbench.errors import WorkbenchError
from workbench.log import ReviewLog
from workbench.log.stock import StockRecords
from workbench.reports.case_ledger import case_ledger
from workbench.reports.xlsx import write_register_xlsx
from workbench.stock.cases import case_findings, import_cases, suggested_category, year_figures


@pytest.fixture
def cases(log, cases_folder):
    report = import_cases(log, cases_folder)
    return report, StockRecords(log)


def test_folder_import_registers_each_decision_once(log, cases, cases_folder):
    report, stock = cases
    assert report.errors == [] and len(report.added) == 12
    assert import_cases(log, cases_folder).existing == report.added  # again: nothing new
    by_number = {c.doc_number: c for c in stock.cases()}
    panjin = next(c for c in by_number.values() if "盘" in c.doc_number or "panjin" in c.file_name)
    assert panjin.file_name.startswith("panjin") and panjin.decided
    assert by_number["常环罚字〔2023〕921号"].decided == "2023-09-10"


def test_the_enforcement_packs_run_on_each_file_as_of_its_own_date(cases):
    _report, stock = cases
    changde = next(c for c in stock.cases() if c.doc_number == "常环罚字〔2023〕921号")
    findings = case_findings(stock, changde)
    assert findings and all(f.review in ("enforcement", "citation") for f in findings)
    # Decided in 2023: the 固废法 was in force then, so no repealed-law finding.
    assert not [f for f in findings if f.rule.startswith("cit.repealed")]
    assert {suggested_category(f) for f in findings} <= {"procedure", "law", "document", "evidence", "discretion"}


def test_problems_rectifications_and_the_year_figures(log, cases):
    _report, stock = cases
    files = stock.cases()
    first, second = files[0], files[1]
    findings = case_findings(stock, first)
    f = findings[0]
    p1 = stock.add_problem(first.id, suggested_category(f), f.message, rule=f.rule, excerpt=f.excerpt, basis=f.basis)
    p2 = stock.add_problem(first.id, "证据", "现场检查笔录无当事人签字")
    p3 = stock.add_problem(second.id, "裁量", "未说明适用裁量基准的理由")
    with pytest.raises(WorkbenchError, match="问题类别"):
        stock.add_problem(second.id, "其他", "……")
    stock.rectify(p1, responsible="张三", deadline=date(2026, 9, 30), progress="已补正决定书", done=True)
    stock.rectify(p2, responsible="李四", deadline=date(2026, 10, 15), progress="正在补充")
    stock.rectify(p2, responsible="李四", deadline=date(2026, 10, 15), progress="已补充当事人签字笔录", done=True)
    stock.edit_problem(p3, withdraw=True)
    with pytest.raises(WorkbenchError, match="已撤销"):
        stock.rectify(p3, responsible="王五")
    stock.evaluate(first.id, "合格", evaluator="王五", evaluated=date(2026, 6, 1))
    stock.evaluate(second.id, "优秀", evaluator="王五", evaluated=date(2026, 6, 2))
    figures = year_figures(stock, 2026)
    assert (figures.evaluated, figures.problems, figures.rectified) == (2, 2, 2)
    assert figures.by_category["证据"] == 1 and sum(figures.by_category.values()) == 2
    assert figures.paragraph().startswith("2026年共评查行政执法案卷2件，发现问题2个（")
    state = stock.case(first.id)
    assert [p.rectification.progress for p in state.problems][1] == "已补充当事人签字笔录"
    assert log.verify().ok
    history = log.conn.execute("SELECT COUNT(*) FROM rectifications WHERE problem_id = ?", [p2]).fetchone()[0]
    assert history == 2  # the earlier 整改情况 is kept


def test_the_ledger_one_row_per_case_file_with_its_rectification(tmp_path, cases):
    _report, stock = cases
    c = stock.cases()[0]
    p = stock.add_problem(c.id, "程序", "未告知听证权利")
    stock.rectify(p, responsible="张三", deadline=date(2026, 9, 30), progress="已补正", done=True)
    stock.evaluate(c.id, "不合格", evaluated=date(2026, 6, 1))
    ledger = case_ledger(stock.cases(2026), 2026, bureau="示例市生态环境局")
    row = ledger.rows[0]
    assert row["存在问题"] == "【程序】未告知听证权利" and row["整改状态"] == "已整改" and row["评查结论"] == "不合格"
    assert ledger.totals().text().startswith("合计：评查案卷1件")
    ws = load_workbook(write_register_xlsx(ledger, tmp_path / "评查台账.xlsx")).active
    assert ws.title == "评查台账" and ws["A1"].value == "示例市生态环境局行政执法案卷评查台账"
    assert [c.value for c in ws[3]] == list(ledger.columns)


def test_misread_party_and_date_corrected_in_the_log_and_shown_in_the_ledger(tmp_path, log, cases):
    """A correction is a chained event of its own: the registered reading stays, the ledger shows
    the corrected 当事人 and 作出日期, bundles carry it and ``log verify`` names a tampered one."""
    _report, stock = cases
    case = next(c for c in stock.cases() if c.doc_number == "常环罚字〔2023〕921号")
    read_party, read_date = case.party, case.decided
    first = stock.correct_case(case.doc_number, {"party": "常德市某某化工有限公司"}, reason="以决定书原件为准")
    second = stock.correct_case(case.id, {"decided": date(2023, 9, 12), "party": "常德市某某化工有限公司"})
    assert first and second and stock.correct_case(case.id, {"decided": "2023-09-12"}) is None  # nothing new
    with pytest.raises(WorkbenchError, match="不是有效日期"):
        stock.correct_case(case.id, {"decided": "2023-02-30"})
    with pytest.raises(WorkbenchError, match="不能更正"):
        stock.correct_case(case.id, {"conclusion": "优秀"})

    now = stock.case(case.id)
    assert (now.party, now.decided, now.versions) == ("常德市某某化工有限公司", "2023-09-12", 3)
    assert now.note == "更正作出日期"
    history = stock.case_history(case.id)
    assert [(h["party"], h["decided"]) for h in history] == [
        (read_party, read_date), ("常德市某某化工有限公司", read_date), ("常德市某某化工有限公司", "2023-09-12")]
    assert history[1]["note"] == "更正当事人：以决定书原件为准"
    [registered] = log.conn.execute("SELECT party, decided FROM case_files WHERE uuid = ?", [case.id]).fetchall()
    assert tuple(registered) == (read_party, read_date)  # the reading is not overwritten
    events = [e.type for e in log.events() if e.type == "case.particulars_corrected"]
    assert len(events) == 2

    stock.evaluate(case.id, "合格", evaluated=date(2026, 6, 1))
    ledger = case_ledger(stock.cases(2026), 2026)
    [row] = [r for r in ledger.rows if "常环罚字〔2023〕921号" in r["案卷名称及文号"]]
    assert row["当事人"] == "常德市某某化工有限公司" and row["案卷名称及文号"].endswith("2023年9月12日作出")
    assert log.verify().ok

    bundle = tmp_path / "合并包.json"
    log.export_bundle(None, bundle)
    with ReviewLog.open(tmp_path / "other.sqlite3") as other:
        other.import_bundle(bundle)
        assert other.verify().ok and StockRecords(other).case(case.id).party == "常德市某某化工有限公司"

    log.conn.execute("DROP TRIGGER case_corrections_no_update")
    log.conn.execute("UPDATE case_corrections SET party = '别的公司' WHERE uuid = ?", [second])
    problems = log.verify().problems
    assert any(p.where == "case_corrections" and "party" in p.message for p in problems)
