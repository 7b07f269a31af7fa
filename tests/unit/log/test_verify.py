"""`log verify` names the first row that another program changed."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.cli import main
from workbench.log import ReviewLog


@pytest.fixture
def filled(log_path, make_result, make_finding):
    """A log with a review, dispositions, opinions and a closure; returns its ids."""
    with ReviewLog.open(log_path) as log:
        review_id = log.open_review(make_result(findings=[make_finding(), make_finding(message="二")]), "legality")
        log.dispose(review_id, "F1", "accept")
        opinion_id = log.add_opinion(review_id, "王律师", "建议删除。", finding_id="F1")
        log.edit_opinion(opinion_id, "建议删除第三段。")
        log.add_opinion(review_id, "赵律师", "同意。")
        log.close_review(review_id, "amend")
        assert log.verify().ok
        return {"review": review_id, "opinion": opinion_id}


def tamper(path, *sql):
    """Change the file as another program would: plain sqlite3, dropping our triggers first."""
    conn = sqlite3.connect(path)
    for table in ("events", "opinions", "dispositions", "reviews", "findings"):
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def seq_of(path, record):
    conn = sqlite3.connect(path)
    seq = conn.execute("SELECT seq FROM events WHERE record = ?", [record]).fetchone()[0]
    conn.close()
    return seq


def test_an_untouched_log_verifies(filled, log_path):
    with ReviewLog.open(log_path, readonly=True) as log:
        report = log.verify()
    assert report.ok and report.events == 10 and len(report.head) == 64


def test_editing_an_opinion_row_is_named(filled, log_path, capsys):
    conn = sqlite3.connect(log_path)
    row_uuid = conn.execute("SELECT uuid FROM opinions WHERE text = '同意。'").fetchone()[0]
    conn.close()
    tamper(log_path, "UPDATE opinions SET text = '不同意。' WHERE text = '同意。'")
    with ReviewLog.open(log_path, readonly=True) as log:
        report = log.verify()
    assert not report.ok
    first = report.first
    assert (first.where, first.record, first.seq) == ("opinions", row_uuid, seq_of(log_path, row_uuid))
    assert "text" in first.message
    assert main(["log", "verify", "--db", str(log_path)]) == 1
    assert row_uuid in capsys.readouterr().out


def test_editing_an_event_payload_breaks_the_chain_there(filled, log_path):
    record = sqlite3.connect(log_path).execute("SELECT uuid FROM closures").fetchone()[0]
    seq = seq_of(log_path, record)
    tamper(log_path, f"UPDATE events SET payload = replace(payload, 'amend', 'pass') WHERE seq = {seq}")
    with ReviewLog.open(log_path, readonly=True) as log:
        report = log.verify()
    assert report.first.seq == seq and report.first.where == "events"


@pytest.mark.parametrize(
    "sql, where",
    [
        # an event removed in the middle: the next one no longer links
        ("DELETE FROM events WHERE seq = 5", "events"),
        # a disposition removed with its event: the chain gap shows at 5
        ("DELETE FROM dispositions", "dispositions"),
        # a reviewer's name changed in the review row
        ("UPDATE reviews SET reviewer = '别人'", "reviews"),
        # a row slipped in without an event
        (
            "INSERT INTO findings SELECT 'ffffffff-0000-0000-0000-000000000000', review_uuid, 9, rule, rule_review,"
            " category, severity, start_offset, end_offset, paragraph, col, excerpt, message, basis, matched,"
            " actor, at FROM findings LIMIT 1",
            "findings",
        ),
    ],
)
def test_other_edits_are_detected(filled, log_path, sql, where):
    tamper(log_path, sql)
    with ReviewLog.open(log_path, readonly=True) as log:
        report = log.verify()
    assert not report.ok
    assert where in {p.where for p in report.problems}


def test_dropping_the_append_only_triggers_is_reported(filled, log_path):
    tamper(log_path)
    with ReviewLog.open(log_path, readonly=True) as log:
        report = log.verify()
    assert [p.where for p in report.problems] == ["schema"]
