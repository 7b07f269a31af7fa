"""The year's figures, checked against a log built for the purpose."""

from __future__ import annotations

import json

from workbench.reports import year_stats
from workbench.reports.stats import percent


def test_figures_by_type(log):
    stats = year_stats(log, 2026)
    t = stats.types
    assert (t["legality"].received, t["legality"].completed, t["legality"].open_at_year_end) == (3, 2, 1)
    assert t["legality"].by_conclusion == {"pass": 1, "amend": 1}
    assert t["legality"].pass_rate == 1.0  # 修改后通过 counts as passed
    assert (t["fair_competition"].completed, t["fair_competition"].passed) == (1, 0)
    assert t["enforcement"].by_conclusion == {"pass": 1}
    assert (stats.completed, stats.passed, percent(stats.pass_rate)) == (4, 3, "75%")
    assert stats.legal_review_required == 1


def test_opinions_count_in_the_year_written(log):
    assert year_stats(log, 2026).opinions_by_counsel == {"王律师": 2, "赵律师": 2}  # the edit is not a second opinion
    last_year = year_stats(log, 2025)
    assert last_year.opinions_by_counsel == {"王律师": 1}
    assert last_year.types["legality"].completed == 1


def test_findings_rules_and_catalogue(log, sample):
    stats = year_stats(log, 2026)
    states = [log.review(sample.ids[k]) for k in ("policy", "notice", "decision", "clean")]
    findings = [f for s in states for f in s.findings]
    assert sum(c.recorded for c in stats.categories) == len(findings)
    assert stats.findings_accepted == sum(f.status == "accepted" for f in findings)
    assert sum(c.dismissed for c in stats.categories) == sum(f.status == "dismissed" for f in findings)
    entry = next(c for c in stats.categories if c.type == "fair_competition" and c.category == "market_entry_exit")
    assert entry.label == "市场准入和退出"
    top = stats.rules[0]
    assert top.recorded == max(sum(f.rule == r.rule for f in findings) for r in stats.rules)
    from workbench.reports.rule_names import rule_name

    names = [r.name for r in stats.rules]  # in Chinese, as the register names them: no ids, no templates
    assert names == [rule_name(r.rule) for r in stats.rules] and "较大数额罚款" in names
    assert not any("." in n or "{" in n or "……" in n for n in names)
    assert stats.sections()[3].columns == ("规则", "问题类别", "发现", "采纳", "不采纳")
    assert {c.label for c in stats.catalogue} == {"较大数额罚款", "责令停产整治、责令停产停业、责令关闭、限制生产"}
    open_review = log.review(sample.ids["open"])  # still open: its findings are not the year's
    assert open_review.findings and sum(c.recorded for c in stats.categories) == len(findings)


def test_paragraph_in_the_style_of_an_annual_report(log):
    stats = year_stats(log, 2026)
    by_label: dict[str, int] = {}
    for c in stats.categories:
        by_label[c.label] = by_label.get(c.label, 0) + c.accepted
    most = max(by_label.values())
    paragraph = stats.paragraph()
    lead = (
        "全年收到行政规范性文件合法性审核3件，办结2件，通过率100%，年末未办结1件；"
        "收到公平竞争审查1件，办结1件，符合率0%；收到重大执法决定法制审核1件，办结1件，审核通过率100%；"
        "法律顾问提供法律意见4条。"
        f"经审查确认问题{stats.findings_accepted}个（不含不予采纳的提示），主要涉及"
    )
    assert paragraph.startswith(lead)
    # The first category named is one of those with the most accepted findings (ties in any order).
    assert any(paragraph[len(lead):].startswith(f"{label}（{most}个）") for label, n in by_label.items() if n == most)
    assert year_stats(log, 2025).paragraph() == "全年收到行政规范性文件合法性审核1件，办结1件，通过率100%；法律顾问提供法律意见1条。"
    # A review received in 2026 and never closed is still open at the end of 2030, as the table says.
    assert year_stats(log, 2030).paragraph() == "全年收到行政规范性文件合法性审核0件，办结0件，年末未办结1件。"
    assert year_stats(log, 2024).paragraph() == "2024年未办理合法性审查事项。"


def test_the_paragraph_and_the_table_say_the_same_numbers(log):
    import re

    stats = year_stats(log, 2026)
    table = {row[0]: row for row in stats.sections()[0].rows}
    paragraph = stats.paragraph()
    for label, words in (("规范性文件合法性审核", "行政规范性文件合法性审核"), ("公平竞争审查", "公平竞争审查"),
                         ("重大执法决定法制审核", "重大执法决定法制审核")):
        received, completed = re.search(rf"收到{words}(\d+)件，办结(\d+)件", paragraph).groups()
        assert (int(received), int(completed)) == (table[label][1], table[label][2])
        assert table[label][7] in paragraph  # the pass rate
    counsel = {row[0]: row[1] for row in stats.sections()[1].rows}
    assert f"法律意见{counsel['合计']}条" in paragraph


def test_tables_and_json(log):
    stats = year_stats(log, 2026)
    sections = stats.sections()
    assert [s.title for s in sections] == [
        "2026年审查办理情况", "法律顾问意见", "发现问题（按审查类型和类别）", "触发最多的规则", "须法制审核的目录事项",
    ]
    by_type = {row[0]: row for row in sections[0].rows}
    assert by_type["公平竞争审查"] == ("公平竞争审查", 1, 1, 0, 0, 1, 0, "0%")
    assert by_type["合计"] == ("合计", 5, 4, 2, 1, 1, 1, "75%")
    data = json.loads(json.dumps(stats.to_dict(), ensure_ascii=False))
    assert data["types"]["fair_competition"]["by_conclusion_label"] == {"不符合": 1}
    assert data["opinions"] == 4 and data["paragraph"] == stats.paragraph()
    assert "【年度报告用语】" in stats.text()


def test_percent():
    assert [percent(None), percent(1.0), percent(0.9784), percent(0)] == ["—", "100%", "97.8%", "0%"]
