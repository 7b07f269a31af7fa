"""ReviewLog's API: what is stored, how current state is derived, nothing overwritten."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlite_utils import Database

from workbench.errors import WorkbenchError
from workbench.log import LogError, RecordNotFoundError, ReviewLog, default_log_path, resolve_log_path
from workbench.log import schema


def count(log, table):
    return log.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_open_review_records_document_review_and_numbered_findings(log, checked, draft):
    review_id = log.open_review(checked, "legality", unit="大气环境科", reviewer="张三", due=date(2026, 10, 15))
    state = log.review(review_id)
    assert state.type == "legality" and state.reviewer == "张三" and state.unit == "大气环境科"
    assert state.due == "2026-10-15" and state.status == "open" and state.legal_review_required is None
    assert state.document.title == "关于加强排污单位管理的通知"
    assert state.document.file_name == draft.name
    # A legality review keeps the draft's fair-competition findings too; a
    # fair-competition review keeps only its own (and citations), below.
    assert state.findings and {f.rule_review for f in state.findings} <= {"legality", "fair_competition", "citation"}
    assert [f.label for f in state.findings] == [f"F{i}" for i in range(1, len(state.findings) + 1)]
    assert all(f.status == "open" for f in state.findings)
    licence = next(f for f in state.findings if "须经本局批准" in f.excerpt)
    assert licence.paragraph == 3 and licence.severity == "error"
    fc = log.review(log.open_review(checked, "fair_competition", unit="大气环境科"))
    assert fc.findings and {f.rule_review for f in fc.findings} <= {"fair_competition", "citation"}
    assert fc.document.id == state.document.id  # same file, one document record


def test_findings_kept_are_those_of_the_review_type_and_citations(log, make_result, make_finding):
    mixed = [make_finding("leg.a", "legality"), make_finding("fc.a", "fair_competition", "free_movement"),
             make_finding("cit.a", "citation", "repealed"), make_finding("enf.a", "enforcement", "procedure")]
    review = log.review(log.open_review(make_result(findings=mixed), "fair_competition"))
    assert [(f.label, f.rule) for f in review.findings] == [("F1", "fc.a"), ("F2", "cit.a")]
    legality = log.review(log.open_review(make_result(findings=mixed), "legality"))
    assert [f.rule for f in legality.findings] == ["leg.a", "fc.a", "cit.a"]


def test_catalogue_finding_marks_legal_review_required(log, make_result, make_finding):
    required = make_result("处罚决定书 甲", [make_finding("enf.cat.fine", "enforcement", "catalogue")], "enforcement")
    not_required = make_result("处罚决定书 乙", [make_finding("enf.el.x", "enforcement", "required_element")], "enforcement")
    assert log.review(log.open_review(required, "enforcement")).legal_review_required is True
    assert log.review(log.open_review(not_required, "enforcement")).legal_review_required is False


def test_disposing_adds_rows_and_the_latest_is_current(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding(), make_finding(message="二")]), "legality")
    log.dispose(review_id, "F1", "accept", actor="张三")
    log.dispose(review_id, "F1", "dismiss", reason="上位法已有规定", actor="李四")
    log.dispose(review_id, "F1", "dismiss", reason="上位法已有规定", actor="李四")  # no change: no row
    f1, f2 = log.review(review_id).findings
    assert (f1.status, f1.reason, f1.disposed_by) == ("dismissed", "上位法已有规定", "李四")
    assert f2.status == "open"
    assert [r[0] for r in log.conn.execute("SELECT status FROM dispositions ORDER BY at")] == ["accepted", "dismissed"]
    log.dispose(review_id, "2", "accept")
    log.dispose(review_id, "F2", "reopen")
    assert log.review(review_id).findings[1].status == "open"


def test_dismissing_needs_a_reason(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality")
    with pytest.raises(WorkbenchError, match="理由"):
        log.dispose(review_id, "F1", "dismiss", reason="  ")
    assert count(log, "dispositions") == 0


def test_unknown_review_or_finding_is_a_clear_error(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality")
    with pytest.raises(RecordNotFoundError, match="review list"):
        log.review("ffffffff")
    with pytest.raises(RecordNotFoundError, match="F9"):
        log.dispose(review_id, "F9", "accept")
    assert log.find_review(review_id[:6]) == review_id


def test_editing_an_opinion_keeps_the_old_text(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality")
    opinion_id = log.add_opinion(review_id, "王律师", "建议删除第三段。", finding_id="F1")
    log.add_opinion(review_id, "赵律师", "第五段表述不清。", passage="第五段", passage_span=(10, 14))
    log.edit_opinion(opinion_id[:8], "建议删除第三段，或写明上位法依据。")
    first, second = log.review(review_id).opinions
    assert first.id == opinion_id and first.text == "建议删除第三段，或写明上位法依据。" and first.versions == 2
    assert first.finding_id == log.find_finding(review_id, "F1")
    assert second.counsel == "赵律师" and second.passage == "第五段"
    texts = [r[0] for r in log.conn.execute("SELECT text FROM opinions ORDER BY at")]
    assert texts == ["建议删除第三段。", "第五段表述不清。", "建议删除第三段，或写明上位法依据。"]


def test_closing_records_conclusion_and_freezes_the_review(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality")
    log.close_review(review_id, "amend", closed=date(2026, 11, 2), actor="张三")
    state = log.review(review_id)
    assert (state.status, state.conclusion_label, state.closed, state.closed_by) == ("closed", "修改后通过", "2026-11-02", "张三")
    with pytest.raises(LogError, match="--correct"):
        log.close_review(review_id, "pass")
    with pytest.raises(LogError, match="已于 2026-11-02 办结"):
        log.dispose(review_id, "F1", "accept")
    with pytest.raises(LogError, match="办结"):
        log.add_opinion(review_id, "王律师", "意见")
    log.close_review(review_id, "pass", correction=True)
    assert log.review(review_id).conclusion_label == "通过"
    assert count(log, "closures") == 2


def test_fair_competition_conclusions_are_conform_or_not(log, make_result):
    review_id = log.open_review(make_result(), "fair_competition")
    with pytest.raises(WorkbenchError, match="符合"):
        log.close_review(review_id, "amend")
    log.close_review(review_id, "reject")
    assert log.review(review_id).conclusion_label == "不符合"


def test_a_revised_draft_links_to_the_earlier_version(log, make_result):
    first = log.review(log.open_review(make_result("关于甲事项的通知\n第一稿。"), "legality", unit="法规科"))
    second = log.review(log.open_review(make_result("关于甲事项的通知\n第二稿。"), "legality", unit="法规科"))
    other = log.review(log.open_review(make_result("关于乙事项的通知\n正文。"), "legality", unit="法规科"))
    assert second.document.previous_id == first.document.id
    assert first.document.previous_id is None and other.document.previous_id is None


def test_record_tables_refuse_update_and_delete(log, make_result):
    log.open_review(make_result(), "legality")
    for sql in ("UPDATE reviews SET reviewer = 'x'", "DELETE FROM events", "UPDATE meta SET value = 'x'"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            log.conn.execute(sql)


def test_schema_is_strict_wal_and_versioned(log, log_path):
    tables = dict(log.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    for table in ("meta", "events", *schema.RECORD_COLUMNS):
        assert tables[table].rstrip().endswith("STRICT"), table
        assert [c[1] for c in log.conn.execute(f"PRAGMA table_info({table})")][: 1] in (["key"], ["seq"], ["uuid"])
    for table, cols in schema.RECORD_COLUMNS.items():
        assert tuple(c[1] for c in log.conn.execute(f"PRAGMA table_info({table})")) == cols
    assert log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert log.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert log.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    fresh = Database(memory=True)
    assert tuple(m.name for m in schema.migrations.pending(fresh)) == schema.MIGRATION_NAMES
    assert len(schema.MIGRATION_NAMES) == schema.SCHEMA_VERSION


def test_reopening_keeps_everything_and_migrates_nothing(log_path, make_result):
    with ReviewLog.open(log_path) as log:
        review_id = log.open_review(make_result(), "legality")
        log_id, events = log.log_id, log.events()
    with ReviewLog.open(log_path) as log:
        assert log.log_id == log_id and log.events() == events
        assert log.review(review_id).id == review_id
        assert log.conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(schema.MIGRATION_NAMES)


def test_queue_filters_by_status_type_and_text(log, make_result, make_finding):
    a = log.open_review(make_result("关于甲的通知\n正文", [make_finding()]), "legality", unit="大气科")
    b = log.open_review(make_result("关于乙的通知\n正文"), "fair_competition", unit="水科")
    log.close_review(b, "pass")
    assert [r.id for r in log.reviews(status="open")] == [a]
    assert [r.id for r in log.reviews(status="closed")] == [b]
    assert [r.id for r in log.reviews(type="legality")] == [a]
    assert [r.id for r in log.reviews(text="水科")] == [b]
    assert {r.id: r.open_findings for r in log.reviews()} == {a: 1, b: 0}
    log.dispose(a, "F1", "accept")
    assert log.reviews(status="open")[0].open_findings == 0


def test_history_says_who_did_what_and_when(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality", reviewer="张三")
    log.dispose(review_id, "F1", "accept", actor="李四")
    log.add_opinion(review_id, "王律师", "同意。", actor="王律师")
    log.close_review(review_id, "pass", actor="张三")
    history = [(e.type, e.actor) for e in log.history(review_id)]
    assert history == [
        ("document.received", "张三"), ("review.opened", "张三"), ("finding.recorded", "张三"),
        ("finding.disposed", "李四"), ("opinion.added", "王律师"), ("review.closed", "张三"),
    ]


def test_log_location_flag_then_environment_then_data_dir(tmp_path, monkeypatch, isolated_data_dir):
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    assert default_log_path() == isolated_data_dir / "log.sqlite3"
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_log_path(None) == tmp_path / "env.sqlite3"
    assert resolve_log_path(tmp_path / "flag.sqlite3") == tmp_path / "flag.sqlite3"


def test_every_version_of_an_opinion_is_kept_in_order(log, make_result, make_finding):
    review_id = log.open_review(make_result(findings=[make_finding()]), "legality")
    opinion = log.add_opinion(review_id, "王律师", "初稿意见。", actor="王律师")
    log.edit_opinion(opinion, "修改后的意见。", actor="王律师")
    log.edit_opinion(opinion, "定稿意见。", actor="李主任")
    versions = log.opinion_versions(opinion)
    assert [text for _, _, text in versions] == ["初稿意见。", "修改后的意见。", "定稿意见。"]
    assert versions[-1][1] == "李主任"
