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
    assert list(rows[1])[: len(REGISTER_COLUMNS)] == list(REGISTER_COLUMNS)
    assert rows[1] == {
        "序号": 2,
        "收文日期": "2026年3月5日",
        "文件名称及文号": "关于甲的通知",
        "送审单位": "大气科",
        "审查类型": "规范性文件合法性审核",
        "主要问题及意见": "1. 违法设定许可\n2. 缺少有效期",
        "法律顾问意见": "王律师：建议删除第三段。\n赵律师：同意审查意见。",
        "审查结论": "修改后通过",
        "审查人": "张三",
        "办结日期": "2026年3月20日",
        "review_id": a,
    }
    assert rows[0]["序号"] == 1 and rows[0]["审查结论"] == "" and rows[0]["办结日期"] == ""
    assert rows[0]["审查类型"] == "重大执法决定法制审核"


def test_filters_by_type_conclusion_and_unit(log, make_result):
    a = log.open_review(make_result("关于甲的通知\n正文"), "legality", unit="大气科", received=date(2026, 2, 1))
    b = log.open_review(make_result("关于乙的通知\n正文"), "fair_competition", unit="水科", received=date(2026, 2, 2))
    log.close_review(a, "pass")
    log.close_review(b, "reject")
    span = (date(2026, 1, 1), date(2026, 12, 31))
    assert [r["review_id"] for r in log.register_rows(*span, type="fair_competition")] == [b]
    assert [r["review_id"] for r in log.register_rows(*span, conclusion="pass")] == [a]
    assert [r["review_id"] for r in log.register_rows(*span, unit="水科")] == [b]
    assert log.register_rows(*span, unit="水科")[0]["审查结论"] == "不符合"
    assert log.register_rows(date(2027, 1, 1), date(2027, 12, 31)) == []


def test_open_findings_of_a_closed_review_are_left_out(log, make_result, make_finding):
    a = log.open_review(make_result(findings=[make_finding(message="待定问题")]), "legality", received=date(2026, 5, 1))
    span = (date(2026, 1, 1), date(2026, 12, 31))
    assert log.register_rows(*span)[0]["主要问题及意见"] == "1. 待定问题"
    log.close_review(a, "pass")
    assert log.register_rows(*span)[0]["主要问题及意见"] == ""


def test_a_register_row_lists_at_most_five_problems_and_the_total():
    from workbench.log.register import _summary

    items = [f"{i}. 问题{i}" for i in range(1, 9)]
    text = _summary(items)
    assert text.count("\n") == 5 and "问题5" in text and "问题6" not in text and "等共8项" in text
    assert _summary(items[:3]) == "1. 问题1\n2. 问题2\n3. 问题3"
