"""Verdicts as of a date, and the citation rules that report them."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("title", ["中华人民共和国大气污染防治法", "大气污染防治法", "《大气法》", "大气污染防治法（2018年修正）"])
def test_names_people_write_find_the_law(registry, title):
    assert registry.lookup(title).title == "中华人民共和国大气污染防治法"


def test_verdict_depends_on_the_date(registry):
    assert registry.verdict("环评法", date(2026, 8, 14)).state == "in_force"
    v = registry.verdict("环评法", date(2026, 8, 15))
    assert v.state == "repealed" and v.event.by == "中华人民共和国生态环境法典"
    assert registry.verdict("中华人民共和国生态环境法典", date(2026, 8, 14)).state == "not_yet_in_force"
    assert registry.verdict("中华人民共和国生态环境法典", date(2026, 8, 15)).state == "in_force"


def test_unknown_title_suggests_the_nearest_of_the_same_kind(registry):
    v = registry.verdict("中华人民共和国大气污染防止法", date(2025, 1, 1))
    assert v.state == "unknown" and v.suggestion == "中华人民共和国大气污染防治法"
    assert registry.verdict("大气污染防治条例", date(2025, 1, 1)).suggestion != "中华人民共和国大气污染防治法"


def test_article_count_follows_the_version_in_force(registry):
    law = registry.lookup("行政复议法")
    assert law.article_count(date(2025, 1, 1)) == 90
    assert law.article_count(date(2019, 1, 1)) == 43


def test_code_article_for_a_repealed_article(registry):
    air = registry.lookup("大气污染防治法")
    assert [m.to_article for m in registry.replacement(air, 99, 2)] == ["第一千一百零七条"]
    assert [m.to_article for m in registry.replacement(air, 99, 1)] == ["第一千一百零二条"]
    water = registry.lookup("水污染防治法")
    assert [m.to_article for m in registry.replacement(water, 83, 3)] == ["第一千一百零八条"]


def _rules(findings):
    return [f.rule for f in findings]


def test_repealed_law_named_with_successor_date_and_code_article(check):
    findings = check("依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定，决定如下。", date(2026, 10, 20))
    (f,) = [f for f in findings if f.rule == "cit.repealed.env_code_2026"]
    assert "2026年8月15日" in f.message and "《中华人民共和国生态环境法典》" in f.message
    assert "第一千一百零七条" in f.message
    assert f.matched == "《中华人民共和国大气污染防治法》第九十九条第（二）项"


def test_repealed_law_cited_before_the_repeal_is_silent(check):
    assert check("依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定。", date(2025, 10, 20)) == []


def test_other_repeal_names_its_successor(check):
    findings = check("依照《中华人民共和国城市规划法》第四十条的规定。", date(2020, 1, 1), kind="normative")
    (f,) = findings
    assert f.rule == "cit.repealed.registry" and "《中华人民共和国城乡规划法》" in f.message and "2008年1月1日" in f.message


def test_unknown_law_asks_whether_the_nearest_was_meant(check):
    (f,) = check("违反了《中华人民共和国环境影响评介法》第二十五条。", date(2025, 1, 1))
    assert f.rule == "cit.unknown.misspelt_title" and "是否指《中华人民共和国环境影响评价法》" in f.message


def test_no_such_article(check):
    findings = check("依据《中华人民共和国行政处罚法》第九十条、第八十六条的规定。", date(2025, 1, 1))
    (f,) = findings
    assert f.rule == "cit.article.no_such_article" and f.matched == "第九十条" and "八十六" in f.message


def test_no_article_check_where_the_count_is_unknown(check):
    assert check("依据《生态环境行政处罚办法》第九百条的规定。", date(2025, 1, 1)) == []


def test_valid_citations_are_silent(check):
    text = ("依据《中华人民共和国生态环境法典》第一千一百零七条、《中华人民共和国行政处罚法》第二十八条"
            "和《排污许可管理条例》第三十三条的规定，参照《河南省生态环境行政处罚裁量基准》。")
    assert check(text, date(2026, 10, 20)) == []


def test_document_number_after_the_title_is_not_part_of_it(check, registry):
    # 《…意见》（国办发〔2018〕115号）: the number says which document; the title is still known.
    assert check("根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号），制定本办法。",
                 date(2026, 12, 1)) == []
    assert registry.lookup("大气污染防治法（2018年修正）").title == "中华人民共和国大气污染防治法"
