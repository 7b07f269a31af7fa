"""The register's data: rows from the log, heading, period, filters, totals."""

from __future__ import annotations

from datetime import date

from workbench.reports import as_register, build_register, register_totals
from workbench.settings import load_settings, save_settings

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_rows_heading_period_and_totals(log, sample):
    register = build_register(log, *YEAR, bureau="某市生态环境局", made=date(2026, 12, 31))
    assert [r["review_id"] for r in register.rows] == [sample.ids[k] for k in ("policy", "notice", "decision", "clean", "open")]
    assert register.heading == "某市生态环境局合法性审查台账"
    assert register.period == "2026年1月1日至2026年12月31日"
    assert register.made_text() == "2026年12月31日"
    assert register.filter_text == ""
    assert register.cells(register.rows[1])[:5] == ["2", "2026年4月1日", "关于加强排污单位管理的通知", "大气环境科", "规范性文件合法性审核"]
    assert register.totals().text() == (
        "合计：共5件，其中规范性文件合法性审核3件、公平竞争审查1件、重大执法决定法制审核1件；"
        "审查结论：通过2件、修改后通过1件、不符合1件、办理中1件；法律顾问意见4条。"
    )


def test_filters_are_named_in_the_header(log, sample):
    register = build_register(log, *YEAR, type="legality", conclusion="pass", bureau="")
    assert [r["review_id"] for r in register.rows] == [sample.ids["clean"]]
    assert register.filter_text == "审查类型：规范性文件合法性审核；审查结论：通过"
    assert register.heading == "合法性审查台账"
    by_unit = build_register(log, *YEAR, unit="执法支队", bureau="")
    assert [r["审查类型"] for r in by_unit.rows] == ["重大执法决定法制审核"]
    assert by_unit.filter_text == "送审单位：执法支队"


def test_bureau_name_comes_from_the_settings(log):
    settings = load_settings()
    settings["bureau_name"] = "某县生态环境分局"
    save_settings(settings)
    assert build_register(log, *YEAR).heading == "某县生态环境分局合法性审查台账"


def test_an_empty_period_has_a_total_line():
    assert register_totals([]).text() == "合计：本期无审查记录。"
    register = as_register([], bureau="甲局", date_from=date(2027, 1, 1), date_to=date(2027, 3, 31))
    assert register.rows == [] and register.period == "2027年1月1日至2027年3月31日"
