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
    assert register.cells(register.rows[1]) == [
        "2", "2026-04-01", "关于加强排污单位管理的通知", "大气环境科", "合法性审核",
        "设定行政许可1项；变相设置审批程序1项", "修改后通过", "李四", "2026-04-10", "顾问意见2条"]
    assert register.totals().text() == (
        "合计：共5件，其中规范性文件合法性审核3件、公平竞争审查1件、重大执法决定法制审核1件；"
        "审查结论：通过2件、修改后通过1件、不符合1件、办理中1件。"
    )


def test_a_ledger_row_is_short_whatever_the_review_holds(log, sample):
    rows = {r["review_id"]: r for r in build_register(log, *YEAR, bureau="").rows}
    decision = rows[sample.ids["decision"]]
    # Ten findings accepted, two of them catalogue items (not problems of the decision): named up to
    # what two lines hold, then counted.
    assert decision["主要问题"].startswith("缺少当事人地址1项；") and decision["主要问题"].endswith("等8类8项")
    assert decision["文件名称及文号"] == "某市生态环境局行政处罚决定书（某环罚〔2026〕13号）"
    assert rows[sample.ids["clean"]]["主要问题"] == "未发现问题"
    still_open = rows[sample.ids["open"]]
    assert still_open["审查结论"] == "办理中" and still_open["办结日期"] == ""
    assert still_open["主要问题"] == ""  # nothing accepted yet: no unprocessed machine findings in the ledger
    assert still_open["备注"].startswith("待处理")
    assert all("\n" not in cell for row in rows.values() for cell in build_register(log, *YEAR).cells(row))


def test_the_summary_names_kinds_by_their_chinese_names():
    from workbench.reports.register import problem_summary

    problems = [("leg.creates.penalty", "legality", "creates_power"),
                ("fc.entry.designated_operator", "fair_competition", "market_entry_exit"),
                ("cit.repealed.env_code_2026", "citation", "repealed"), ("cit.repealed.registry", "citation", "repealed")]
    assert problem_summary(problems) == "设定行政处罚1项；限定经营者1项；引用已废止法律2项"
    assert problem_summary([("office.own", "legality", "content")]) == "内容合法性1项"  # a rule without a name


def test_letter_numbers_and_revisions_are_noted(log, sample, tmp_path):
    from tests.helpers.review_log import build_year_log
    from workbench.log import ReviewLog

    built = build_year_log(tmp_path / "year", 6)
    with ReviewLog.open(built.path, readonly=True) as year_log:
        rows = build_register(year_log, *YEAR, bureau="").rows
    assert rows[0]["备注"] == "某环法审〔2026〕1号"
    assert rows[1]["备注"] == "某环法审〔2026〕2号；顾问意见1条"


def test_filters_are_named_in_the_header(log, sample):
    register = build_register(log, *YEAR, type="legality", conclusion="pass", bureau="")
    assert [r["review_id"] for r in register.rows] == [sample.ids["clean"]]
    assert register.filter_text == "审查类型：规范性文件合法性审核；审查结论：通过"
    assert register.heading == "合法性审查台账"
    by_unit = build_register(log, *YEAR, unit="执法支队", bureau="")
    assert [r["审查类型"] for r in by_unit.rows] == ["执法决定审核"]
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
