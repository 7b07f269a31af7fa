"""规范性文件清理 on documents made from the statutes and real clauses, recorded in a real log file."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from workbench.errors import WorkbenchError
from workbench.laws import OVERLAY_NAME
from workbench.log import ReviewLog
from workbench.log.stock import StockRecords
from workbench.reports.cleanup import cleanup_ledger, write_cleanup_docx
from workbench.reports.xlsx import write_register_xlsx
from workbench.stock.cleanup import recheck, run_cleanup

AS_OF = date(2026, 8, 15)


@pytest.fixture
def cleaned(log, stock_folder):
    folder, built = stock_folder
    report = run_cleanup(log, AS_OF, folder)
    stock = StockRecords(log)
    by_name = {b.path.name: b for b in built}
    return report, stock, {i.document.file_name: (by_name[i.document.file_name], i) for i in stock.items(report.run_id)}


def test_every_file_is_registered_once_with_its_particulars_read(log, stock_folder, cleaned):
    folder, built = stock_folder
    report, stock, items = cleaned
    assert report.errors == [] and report.documents == report.added == len(built)
    for b, item in items.values():
        d = item.document
        if b.kind == "real":  # the ministry opinions: title and date read, no 文号
            assert d.title == b.title and d.issued
            continue
        assert (d.title, d.doc_number, d.organ) == (b.title, b.doc_number, "示例市生态环境局")
        assert (d.issued, d.effective, d.expires) == (b.issued.isoformat(), b.effective.isoformat(), b.expires.isoformat())
    again = run_cleanup(log, AS_OF, folder)  # the same folder again: nothing registered twice
    assert again.added == 0 and len(stock.issued()) == len(built)


def test_outcomes_follow_the_law_and_the_dates(cleaned):
    _report, _stock, items = cleaned
    for b, item in items.values():
        kinds = {r.kind for r in item.reasons}
        if b.expires and b.expires < AS_OF:
            assert item.outcome == "lapse" and "expired" in kinds, b.path.name
        elif b.kind == "repeal":  # a document carrying out a repealed law
            assert item.outcome == "repeal" and item.reasons[0].text.startswith("本文件为实施《中华人民共和国"), b.path.name
        elif b.kind == "period":
            assert item.outcome == "amend" and any("超过" in r.text for r in item.reasons if r.kind == "period")
        elif b.kind == "amend":
            assert item.outcome == "amend" and "repealed" in kinds
        if b.kind == "expiring":
            assert "expiring" in kinds
    outcomes = Counter(i.outcome for _b, i in items.values())
    assert set(outcomes) == {"continue", "amend", "repeal", "lapse"}


def test_a_repealed_citation_names_its_successor_code_article(cleaned):
    _report, _stock, items = cleaned
    texts = [r.text for _b, i in items.values() for r in i.reasons if r.kind == "repealed"]
    air = [t for t in texts if t.startswith("引用的《中华人民共和国大气污染防治法》第九十九条第（二）项")]
    assert air and "第九十九条第（二）项现为《中华人民共和国生态环境法典》第一千一百零七条" in air[0]
    assert all("2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）" in t for t in texts if t.startswith("引用的"))


def test_the_user_confirms_or_changes_with_a_reason(log, cleaned):
    report, stock, items = cleaned
    amend = next(i for _b, i in items.values() if i.outcome == "amend")
    with pytest.raises(WorkbenchError, match="须写明理由"):
        stock.decide(report.run_id, amend.document.id, "废止")
    stock.decide(report.run_id, amend.document.id, "修改")
    stock.decide(report.run_id, amend.document.doc_number or amend.document.id, "repeal", reason="上位法已由法典取代，本办法无保留必要")
    decided = next(i for i in stock.items(report.run_id) if i.document.id == amend.document.id)
    assert decided.decision == "repeal" and decided.decision_reason.startswith("上位法") and not decided.decision_stale
    assert stock.issued_document(amend.document.id).status(AS_OF) == "repealed"
    assert log.verify().ok


def test_a_repeal_added_by_the_overlay_shows_in_the_same_run(log, cleaned, isolated_data_dir):
    report, stock, items = cleaned
    # Documents citing only 行政许可法/行政处罚法 and found lawful: what the overlay will touch.
    touched = [i for b, i in items.values() if i.outcome == "continue" and b.law == "中华人民共和国行政许可法"]
    assert touched
    stock.decide(report.run_id, touched[0].document.id, "继续有效")
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / OVERLAY_NAME).write_text(
        "laws:\n  - title: 中华人民共和国行政许可法\n    status:\n      - {event: repealed, 'on': 2026-08-01, by: 某新法,"
        " article: 第一百条, source: 本局补记（测试）}\n", encoding="utf-8")
    again = recheck(log, report.run_id)
    assert set(i.document.id for i in touched) <= set(again.changed)
    after = {i.document.id: i for i in stock.items(report.run_id)}
    first = after[touched[0].document.id]
    assert (first.previous_outcome, first.outcome) == ("continue", "amend")
    assert "建议由“继续有效”改为“修改”" in first.change_text() and "新增：引用的《中华人民共和国行政许可法》" in first.change_text()
    assert first.decision == "continue" and first.decision_stale  # the earlier confirmation must be made again
    assert recheck(log, report.run_id).changed == []  # nothing changed since: nothing recorded
    assert log.verify().ok


def test_corrections_are_kept_and_used(log, cleaned):
    report, stock, items = cleaned
    item = next(i for b, i in items.values() if b.kind == "continue")
    stock.correct_issued(item.document.id, {"expires": "2026-08-01"}, reason="以印发稿为准")
    d = stock.issued_document(item.document.id)
    assert d.expires == "2026-08-01" and d.versions == 2 and d.note == "更正有效期至：以印发稿为准"
    assert [h.expires for h in stock.issued_history(item.document.id)] == [item.document.expires, "2026-08-01"]
    recheck(log, report.run_id)
    assert next(i for i in stock.items(report.run_id) if i.document.id == d.id).outcome == "lapse"
    with pytest.raises(WorkbenchError, match="不是有效日期"):
        stock.correct_issued(d.id, {"issued": "2026-13-01"})


def test_exports_xlsx_and_the_published_docx_list(tmp_path, cleaned):
    report, stock, items = cleaned
    run = stock.run(report.run_id)
    current = stock.items(report.run_id)
    ledger = cleanup_ledger(run, current, "示例市生态环境局")
    xlsx = write_register_xlsx(ledger, tmp_path / "清理结果.xlsx")
    ws = load_workbook(xlsx).active
    assert ws.title == "清理结果" and ws["A1"].value == "示例市生态环境局规范性文件清理结果"
    assert [c.value for c in ws[3]][:3] == ["序号", "文件名称", "文号"]
    assert ws.cell(row=4, column=1).value == 1 and ws.max_row == 3 + len(current) + 1
    path = write_cleanup_docx(run, current, tmp_path / "清理结果.docx", bureau="示例市生态环境局", published=date(2026, 9, 1))
    doc = DocxDocument(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "示例市生态环境局关于公布规范性文件清理结果的通知" in text and "2026年9月1日" in text
    assert "附件：1．继续有效的规范性文件目录" in text and "宣布失效的规范性文件目录" in text
    listed = [row.cells[1].text for t in doc.tables for row in t.rows[1:]]
    assert sorted(listed) == sorted(i.document.title or i.document.file_name for i in current)
    lapsed = next(t for t in doc.tables if t.rows[0].cells[-1].text == "理由" and any("届满" in r.cells[3].text for r in t.rows[1:]))
    assert lapsed


def test_stock_records_travel_in_bundles_and_verify_names_a_tampered_row(tmp_path, log, cleaned):
    report, stock, items = cleaned
    some = next(iter(items.values()))[1]
    stock.decide(report.run_id, some.document.id, some.outcome)
    bundle = tmp_path / "合并包.json"
    log.export_bundle(None, bundle)
    with ReviewLog.open(tmp_path / "other.sqlite3") as other:
        added = other.import_bundle(bundle).added
        assert added > len(items) and other.verify().ok
        theirs = StockRecords(other).items(report.run_id)
        assert [(i.document.title, i.outcome, i.decision) for i in theirs] == \
            [(i.document.title, i.outcome, i.decision) for i in stock.items(report.run_id)]
        assert other.import_bundle(bundle).added == 0
    log.conn.execute("DROP TRIGGER cleanup_proposals_no_update")
    log.conn.execute("UPDATE cleanup_proposals SET outcome = 'continue' WHERE uuid = ?", [some.proposal_id])
    problems = log.verify().problems
    assert any(p.where == "cleanup_proposals" and "outcome" in p.message for p in problems)
    assert any("cleanup_proposals_no_update" in p.message for p in problems)
