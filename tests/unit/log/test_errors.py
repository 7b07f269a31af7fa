"""Expected failures: a clear message, nothing lost, and a file we do not own left untouched."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.cli import main
from workbench.log import (
    LogCorruptError,
    LogFullError,
    LogLockedError,
    LogReadOnlyError,
    LogTooNewError,
    ReviewLog,
)
from workbench.log.errors import classify


def opinions(path):
    conn = sqlite3.connect(path)
    texts = [r[0] for r in conn.execute("SELECT text FROM opinions ORDER BY at")]
    conn.close()
    return texts


@pytest.fixture
def review(log, make_result):
    return log.open_review(make_result(), "legality")


# The lock tests hold the write lock for the whole call, so the failure comes
# however fast or slow the machine is; the short wait only bounds the test's time.
LOCKED_WAIT = 0.1


def test_a_log_locked_by_another_writer_says_so_and_loses_nothing(log, review, log_path, capsys):
    log.add_opinion(review, "王律师", "第一条。")
    other = sqlite3.connect(log_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with ReviewLog.open(log_path, timeout=LOCKED_WAIT) as waiting, pytest.raises(LogLockedError, match="正被其他程序使用"):
            waiting.add_opinion(review, "王律师", "第二条。")
        # Reading still works while another program writes (WAL).
        assert [o.text for o in log.review(review).opinions] == ["第一条。"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    log.add_opinion(review, "王律师", "第二条。")
    assert opinions(log_path) == ["第一条。", "第二条。"]
    assert log.verify().ok


def test_cli_reports_a_locked_log_with_exit_2(log, review, log_path, capsys, monkeypatch):
    monkeypatch.setattr("workbench.log.store.DEFAULT_TIMEOUT", LOCKED_WAIT)
    other = sqlite3.connect(log_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = main(["opinion", "add", review, "--counsel", "王律师", "--text", "意见", "--db", str(log_path)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2
    assert "正被其他程序使用" in capsys.readouterr().err


def test_writing_through_a_read_only_log_is_refused(log, review, log_path):
    with ReviewLog.open(log_path, readonly=True) as ro:
        assert ro.review(review).id == review
        with pytest.raises(LogReadOnlyError, match="只读"):
            ro.add_opinion(review, "王律师", "意见")
    assert opinions(log_path) == []


# A file that cannot be written (root ignores chmod): tests/unit/log/test_media.py, on a read-only mount.


def test_a_full_disk_loses_nothing_already_written(log, review, log_path):
    log.add_opinion(review, "王律师", "写入成功的意见。")
    pages = log.conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own limit on the file size gives a real SQLITE_FULL.
    log.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LogFullError, match="磁盘空间已满"):
        log.add_opinion(review, "王律师", "很长的意见。" * 5000)
    log.conn.execute("PRAGMA max_page_count = 1073741823")
    assert [o.text for o in log.review(review).opinions] == ["写入成功的意见。"]
    assert log.verify().ok
    log.add_opinion(review, "王律师", "空间恢复后的意见。")
    assert opinions(log_path)[-1] == "空间恢复后的意见。"


def test_a_garbage_file_is_refused_untouched(tmp_path):
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(LogCorruptError, match="不是审查日志"):
        ReviewLog.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LogCorruptError, match="其他程序"):
        ReviewLog.open(path)
    assert path.read_bytes() == before


def test_a_damaged_page_is_reported_not_raised_as_a_bug(log, log_path, make_result):
    for i in range(30):
        log.open_review(make_result(f"关于第{i}件事的通知\n" + "正文。" * 200), "legality")
    log.close()
    conn = sqlite3.connect(log_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(log_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):
        data[offset : offset + 64] = b"\xff" * 64  # smash every b-tree page header past the schema
    log_path.write_bytes(bytes(data))
    with pytest.raises(LogCorruptError):
        with ReviewLog.open(log_path) as damaged:
            damaged.reviews()
            damaged.verify()


def test_a_log_from_a_newer_program_is_refused_untouched(log_path, make_result):
    with ReviewLog.open(log_path) as log:
        log.open_review(make_result(), "legality")
    conn = sqlite3.connect(log_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = log_path.read_bytes()
    with pytest.raises(LogTooNewError, match="升级工作台"):
        ReviewLog.open(log_path)
    with pytest.raises(LogTooNewError):
        ReviewLog.open(log_path, readonly=True)
    assert log_path.read_bytes() == before


def test_an_unknown_migration_means_a_newer_program(log_path):
    ReviewLog.open(log_path).close()
    conn = sqlite3.connect(log_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('workbench.log', '0002_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(LogTooNewError, match="0002_future") as info:
        ReviewLog.open(log_path)
    assert "本程序只认识到" not in info.value.message  # the version numbers say nothing here


def test_other_sqlite_errors_are_bugs_not_messages(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT * FROM no_such_table")
    assert classify(caught.value, "x") is None
    assert classify(ValueError("x"), "x") is None
