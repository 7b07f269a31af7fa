"""Opinion letters' 文号: numbered per year from the log, without gaps or repeats."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.errors import WorkbenchError
from workbench.log import ReviewLog
from workbench.log.letters import format_number, parse_number


def closed(log, make_result, title: str, closed_on: date) -> str:
    review = log.open_review(make_result(f"{title}\n正文。"), "legality", unit="大气科", received=closed_on)
    log.close_review(review, "pass", closed=closed_on)
    return review


def test_numbers_run_per_year_without_gaps_and_a_letter_keeps_its_number(log, make_result):
    a = closed(log, make_result, "关于甲的通知", date(2026, 3, 1))
    b = closed(log, make_result, "关于乙的通知", date(2026, 4, 1))
    c = closed(log, make_result, "关于丙的通知", date(2027, 1, 5))
    assert log.letter_number(a, "焦环法审") == "焦环法审〔2026〕1号"  # proposed: nothing written
    assert log.letter_number(b, "焦环法审") == "焦环法审〔2026〕1号"
    first = log.issue_letter(a, prefix="焦环法审", actor="张三")
    assert (first.number, first.year, first.serial) == ("焦环法审〔2026〕1号", 2026, 1)
    assert log.issue_letter(b, prefix="焦环法审", actor="张三").number == "焦环法审〔2026〕2号"
    assert log.issue_letter(c, prefix="焦环法审", actor="张三").number == "焦环法审〔2027〕1号"  # a new year starts at 1
    again = log.issue_letter(a, prefix="焦环法审", actor="张三")  # printed again: the same number, nothing added
    assert again.id == first.id
    assert log.review(a).letter.number == "焦环法审〔2026〕1号"
    assert log.conn.execute("SELECT COUNT(*) FROM letters").fetchone()[0] == 3
    assert log.verify().ok


def test_a_number_given_by_hand_is_kept_but_never_repeated(log, make_result):
    a = closed(log, make_result, "关于甲的通知", date(2026, 3, 1))
    b = closed(log, make_result, "关于乙的通知", date(2026, 4, 1))
    assert log.issue_letter(a, prefix="焦环法审", number="12", actor="张三").number == "焦环法审〔2026〕12号"
    with pytest.raises(WorkbenchError, match="已用于另一件审查"):
        log.issue_letter(b, prefix="焦环法审", number="焦环法审〔2026〕12号", actor="张三")
    with pytest.raises(WorkbenchError, match="已用于另一件审查"):
        log.issue_letter(b, prefix="另一前缀", number="12", actor="张三")  # the same serial in the same year
    assert log.issue_letter(b, prefix="焦环法审", actor="张三").number == "焦环法审〔2026〕13号"
    # Renumbering a letter supersedes its number; the old one stays in the log.
    renumbered = log.issue_letter(a, prefix="焦环法审", number="焦环法审〔2026〕14号", actor="张三")
    assert log.review(a).letter == renumbered
    assert log.conn.execute("SELECT COUNT(*) FROM letters WHERE review_uuid = ?", [a]).fetchone()[0] == 2
    assert any(e.type == "letter.numbered" for e in log.history(a))


def test_an_open_review_has_no_letter_number(log, make_result):
    review = log.open_review(make_result(), "legality", unit="大气科")
    with pytest.raises(WorkbenchError, match="尚未办结"):
        log.issue_letter(review, prefix="焦环法审", actor="张三")
    assert log.review(review).letter is None


def test_numbers_survive_reopening_and_merging(log_path, make_result, tmp_path):
    with ReviewLog.open(log_path) as log:
        a = closed(log, make_result, "关于甲的通知", date(2026, 3, 1))
        log.issue_letter(a, prefix="焦环法审", actor="张三")
        log.export_bundle(None, tmp_path / "b.json")
    with ReviewLog.open(tmp_path / "other.sqlite3") as other:
        other.import_bundle(tmp_path / "b.json")
        assert other.review(a).letter.number == "焦环法审〔2026〕1号"
        assert other.letter_number(a) == "焦环法审〔2026〕1号"
        assert other.verify().ok


def test_format_and_parse():
    assert format_number("焦环法审", 2026, 12) == "焦环法审〔2026〕12号"
    assert parse_number("焦环法审〔2026〕12号") == (2026, 12)
    assert parse_number("焦环法审[2026]12号") == (2026, 12)
    assert parse_number("特字第三号") is None
