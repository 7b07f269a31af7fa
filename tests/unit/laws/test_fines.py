"""Reading fine amounts and checking them against the cited article's range."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from workbench.laws.fines import find_fines
from workbench.text.normalize import normalize_term


@pytest.mark.parametrize("text, amount", [
    ("处罚款10万元", 100000),
    ("处100,000元罚款", 100000),
    ("处1.5万元罚款", 15000),
    ("罚款人民币贰拾伍万元整", 250000),
    ("罚款人民币伍万贰仟壹佰贰拾元", 52120),
    ("罚款￥250,000.00", 250000),
    ("罚款人民币２５万元", 250000),
    ("罚款人民币:19000.00 元(大写:壹万玖仟圆整 )", 19000),
    ("处以五万元的罚款", 50000),
])
def test_amount_forms(text, amount):
    assert [f.amount for f in find_fines(normalize_term(text))] == [Decimal(amount)]


@pytest.mark.parametrize("text", [
    "处十万元以上一百万元以下的罚款",
    "依据“处一万元以上十万元以下的罚款，罚款5万元”的规定",
    "没收违法所得5000元",
    "项目总投资500万元",
])
def test_not_fines(text):
    assert find_fines(normalize_term(text)) == ()


def _fines(check, text, as_of=date(2025, 6, 1)):
    return [f for f in check(text, as_of) if f.rule.startswith("cit.fine.")]


BASIS = "依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定，决定：\n"


def test_fine_below_the_range_is_flagged(check):
    (f,) = _fines(check, BASIS + "处罚款人民币伍万元整。")
    assert f.matched == "人民币伍万元整" and "10万元以上100万元以下" in f.message and "5万元" in f.message


def test_fine_above_the_range_is_flagged(check):
    assert len(_fines(check, BASIS + "处罚款人民币壹佰伍拾万元整。")) == 1


@pytest.mark.parametrize("amount", ["10万元", "100,000元", "￥1,000,000.00", "人民币贰拾伍万元整"])
def test_fine_within_the_range_is_silent(check, amount):
    assert _fines(check, BASIS + f"处罚款{amount}。") == []


@pytest.mark.parametrize("ground", ["依照《中华人民共和国行政处罚法》第三十二条第（一）项的规定，", "当事人主动消除违法行为危害后果，依法减轻处罚，"])
def test_lower_fine_with_a_ground_for_mitigation_is_silent(check, ground):
    assert _fines(check, BASIS + ground + "处罚款5万元。") == []


def test_severe_tier_needs_the_circumstance_stated(check):
    base = "依据《中华人民共和国生态环境法典》第一千零九十五条第一款的规定，该项目报告书未批先建，{}处罚款500万元。"
    assert len(_fines(check, base.format(""), date(2026, 10, 20))) == 1
    assert _fines(check, base.format("情节严重，"), date(2026, 10, 20)) == []


def test_item_specific_ranges(check):
    text = "依据《中华人民共和国水污染防治法》第八十五条第一款第（{}）项的规定，处罚款5万元。"
    assert _fines(check, text.format("三")) == []  # 二万元以上二十万元以下
    assert len(_fines(check, text.format("一"))) == 1  # 十万元以上一百万元以下


def test_per_unit_fine(check):
    text = "依据《中华人民共和国生态环境法典》第一千一百二十四条的规定，对所有人处罚款{}元。"
    assert _fines(check, text.format("15000"), date(2026, 10, 20)) == []
    assert len(_fines(check, text.format("12000"), date(2026, 10, 20))) == 1


def test_relative_fine_is_not_checked(check):
    text = "依据《中华人民共和国环境影响评价法》第三十一条第一款的规定，处罚款人民币19000元。"
    assert _fines(check, text) == []


def test_no_basis_citation_no_finding(check):
    assert _fines(check, "违反了《中华人民共和国大气污染防治法》第九十九条第（二）项的规定。处罚款5万元。") == []


def test_above_and_below_are_told_apart_and_an_amount_in_words_and_figures_is_one_fine():
    from workbench.checking import check_document
    from workbench.intake import document_from_text
    from datetime import date as _date

    over = ("行政处罚决定书\n依据《中华人民共和国大气污染防治法》第九十九条第二项的规定，决定处罚款人民币壹佰伍拾万元整（1500000元）。")
    findings = [f for f in check_document(document_from_text(over, kind="enforcement"), _date(2025, 3, 1)).findings
                if f.rule.startswith("cit.fine.")]
    assert [f.rule for f in findings] == ["cit.fine.above_maximum"]
    assert "高于" in findings[0].message and "减轻" not in findings[0].message
    under = "行政处罚决定书\n依据《中华人民共和国大气污染防治法》第九十九条第二项的规定，决定处罚款人民币五万元。"
    (f,) = [f for f in check_document(document_from_text(under, kind="enforcement"), _date(2025, 3, 1)).findings
            if f.rule.startswith("cit.fine.")]
    assert f.rule == "cit.fine.below_minimum" and "低于" in f.message and "减轻处罚" in f.message
