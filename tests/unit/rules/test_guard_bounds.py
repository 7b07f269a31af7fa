"""The guards read a bounded stretch before the act, so a long line costs linear time.

Issue 16: a 400,000-character line without a full stop took 412 s because the
guards re-read the whole sentence for every match. Each guard now decides from
at most a fixed window before the act (``bench/long_sentence.py`` shows the
time growing linearly). These tests pin the bound itself: whatever stands
further back than the window cannot change a guard's answer, so the window is
all a guard reads.
"""

from __future__ import annotations

import pytest

from workbench.rules import guards
from workbench.text.segment import Segments

FILLER = "各部门加强协作形成合力" * 2000  # 22,000 characters, no clause or sentence break
ACT_CLAUSE = "由某公司负责运营"
WINDOW = max(guards._LOOK_BACK, guards._SENTENCE_LEAD_REACH, guards._LIST_LEAD_REACH) + 10


@pytest.mark.parametrize("far_before", ["依法", "不得", "禁止", "依照《中华人民共和国某法》规定，", "不得含有下列内容："])
def test_what_stands_beyond_the_window_changes_no_guard(far_before):
    text = far_before + FILLER + ACT_CLAUSE
    act = len(text) - len(ACT_CLAUSE) + 1  # 由
    cut = text[act - WINDOW :]
    cut_act = WINDOW
    seg, cut_seg = Segments(text), Segments(cut)
    assert guards.prohibited(text, seg, act) == guards.prohibited(cut, cut_seg, cut_act)
    assert guards.restating(text, seg, act) == guards.restating(cut, cut_seg, cut_act)
    assert guards.inside_title(text, act, act + 3) == guards.inside_title(cut, cut_act, cut_act + 3)


def test_a_restating_marker_far_back_in_one_long_sentence_grounds_nothing():
    text = "依法" + FILLER + ACT_CLAUSE
    act = len(text) - len(ACT_CLAUSE)
    assert not guards.restating(text, Segments(text), act)


def _restates(text: str, act_word: str) -> bool:
    return guards.restating(text, Segments(text), text.index(act_word))


def test_a_citation_of_an_article_grounds_what_follows_it():
    assert _restates("依照《中华人民共和国行政处罚法》第七十二条，处罚款。", "处罚款")
    assert _restates("逾期不缴纳的，依照《中华人民共和国行政强制法》第四十五条的规定，加处罚款。", "加处罚款")
    assert not _restates("逾期不按规定缴纳的，处三百元罚款。", "处三百元")


def test_cancelling_a_sanction_is_no_prohibition_but_cancelling_a_restriction_is():
    sanction = "对违法企业，取消其排污指标并责令关闭。"
    assert not guards.prohibited(sanction, Segments(sanction), sanction.index("责令"))
    reform = "取消对外地企业设置的限制，由某公司统一经营。"
    assert guards.prohibited(reform, Segments(reform), reform.index("设置"))
