"""The register rows the printed 审查台账 is built from."""

from __future__ import annotations

from datetime import date

from workbench.log import REGISTER_COLUMNS


def test_one_row_per_review_with_the_printed_columns(log, make_result, make_finding):
    findings = [make_finding(message="违法设定许可"), make_finding(message="误报"), make_finding(message="缺少有效期")]
    a = log.open_review(make_result("关于甲的通知\n正文", findings), "legality", unit="大气科", reviewer="张三",
                        received=date(2026, 3, 5))
    log.dispose(a, "F1", "accept")
    log.dispose(a, "F2", "dismiss", reason="属于禁止性表述")
    log.dispose(a, "F3", "accept")
    opinion = log.add_opinion(a, "王律师", "建议删除。", finding_id="F1")
    log.edit_opinion(opinion, "建议删除第三段。")
    log.add_opinion(a, "赵律师", "同意审查意见。")
    log.close_review(a, "amend", closed=date(2026, 3, 20))
    b = log.open_review(make_result("处罚决定书\n焦环罚〔2026〕87号", kind="enforcement"), "enforcement",
                        unit="执法支队", reviewer="李四", received=date(2026, 1, 9))
    log.open_review(make_result("关于丙的通知\n正文"), "legality", received=date(2025, 12, 31))  # other year

    rows = log.register_rows(date(2026, 1, 1), date(2026, 12, 31))
    assert [r["review_id"] for r in rows] == [b, a]
    assert rows[1] == {
        "review_id": a, "number": 2, "type": "legality", "received": "2026-03-05", "due": None,
        "title": "关于甲的通知", "doc_number": "", "unit": "大气科", "reviewer": "张三",
        "conclusion": "amend", "closed": "2026-03-20",
        "problems": [("leg.x", "legality", "content")] * 2,  # F1 and F3 accepted, F2 dismissed
        "open_findings": 0, "opinions": 2, "version": 1, "letter": "",
    }
    assert rows[0]["number"] == 1 and rows[0]["conclusion"] is None and rows[0]["closed"] is None
    assert rows[0]["type"] == "enforcement" and rows[0]["doc_number"] == "焦环罚〔2026〕87号"


def test_filters_by_type_conclusion_and_unit(log, make_result):
    a = log.open_review(make_result("关于甲的通知\n正文"), "legality", unit="大气科", received=date(2026, 2, 1))
    b = log.open_review(make_result("关于乙的通知\n正文"), "fair_competition", unit="水科", received=date(2026, 2, 2))
    log.close_review(a, "pass")
    log.close_review(b, "reject")
    span = (date(2026, 1, 1), date(2026, 12, 31))
    assert [r["review_id"] for r in log.register_rows(*span, type="fair_competition")] == [b]
    assert [r["review_id"] for r in log.register_rows(*span, conclusion="pass")] == [a]
    assert [r["review_id"] for r in log.register_rows(*span, unit="水科")] == [b]
    assert log.register_rows(*span, unit="水科")[0]["conclusion"] == "reject"
    assert log.register_rows(date(2027, 1, 1), date(2027, 12, 31)) == []


def test_an_open_review_counts_what_is_still_to_be_done(log, make_result, make_finding):
    a = log.open_review(make_result(findings=[make_finding(), make_finding()]), "legality", received=date(2026, 5, 1))
    log.dispose(a, "F1", "accept")
    span = (date(2026, 1, 1), date(2026, 12, 31))
    row = log.register_rows(*span)[0]
    assert (row["problems"], row["open_findings"]) == ([("leg.x", "legality", "content")], 1)
    log.close_review(a, "pass")
    assert log.register_rows(*span)[0]["open_findings"] == 0  # left open at closing: not the review's problems
