"""The window's core, without a window: everything lands in a real log file."""

from datetime import date

import pytest

from workbench.log import ReviewLog
from workbench.revision import RESOLVED, STILL_PRESENT
from workbench.workspace import Workspace

FIRST = "关于加强建材市场管理的若干规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n第二条 违反本规定的，由市生态环境局处五千元罚款。\n"
REVISED = "关于加强建材市场管理的若干规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n第二条 违反本规定的，依照有关法律规定处理。\n"


@pytest.fixture
def workspace(tmp_path):
    log = ReviewLog.open(tmp_path / "log.sqlite3")
    yield Workspace(log, {"reviewer": "王审查", "recent_files": []})
    log.close()


def test_record_a_review_and_read_it_back_after_the_file_is_gone(workspace, tmp_path):
    path = tmp_path / "草案.txt"
    path.write_text(FIRST, encoding="utf-8")
    review_id = workspace.record(workspace.check(str(path)), "legality", unit="大气科", received=date(2026, 11, 2))
    path.unlink()
    state = workspace.review(review_id)
    assert state.reviewer == "王审查" and state.unit == "大气科" and state.due == "2026-11-17"
    doc = workspace.parse_stored(*workspace.stored_file(review_id), kind="normative")
    f = next(f for f in state.findings if f.rule == "leg.creates.penalty")
    assert doc.text[f.start:f.end] == "处五千元罚款"


def test_revised_draft_shows_resolved_and_remaining_findings(workspace, tmp_path):
    first, second = tmp_path / "一稿.txt", tmp_path / "二稿.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(REVISED, encoding="utf-8")
    r1 = workspace.record(workspace.check(str(first)), "legality")
    r2 = workspace.record(workspace.check(str(second)), "legality", previous_review=r1)
    state = workspace.review(r2)
    doc = workspace.parse_stored(*workspace.stored_file(r2), kind="normative")
    revision = workspace.revision(state, doc)
    statuses = {s.earlier.rule: s.status for s in revision.statuses}
    assert statuses["leg.creates.penalty"] == RESOLVED
    assert statuses["leg.procedure.no_effective_date"] == STILL_PRESENT  # neither draft states it
    assert [c.kind for c in revision.changes] == ["changed"]
    assert workspace.revision(workspace.review(r1), doc) is None


def test_catalogue_items_for_an_enforcement_decision(workspace, tmp_path):
    path = tmp_path / "决定书.txt"
    path.write_text("行政处罚决定书\n当事人：某某化工有限公司\n我局决定对你单位实施按日连续处罚。\n", encoding="utf-8")
    result = workspace.check(str(path))
    review_id = workspace.record(result, "enforcement")
    required, items = workspace.catalogue_items(workspace.review(review_id), result.document.text)
    assert required and any("按日连续处罚" in item for item in items)


def test_recent_files_are_kept_newest_first(workspace, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("甲", encoding="utf-8")
    b.write_text("乙", encoding="utf-8")
    workspace.remember_file(str(a))
    workspace.remember_file(str(b))
    workspace.remember_file(str(a))
    assert workspace.recent_files() == [str(a), str(b)]
