"""The draft as received is kept in the log, checked against the chained hash."""

import sqlite3

from workbench.checking import check_file
from workbench.log import ReviewLog, schema

DRAFT = "关于某事的规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n"


def test_the_reviewed_file_comes_back_byte_for_byte_after_it_moved(tmp_path):
    path = tmp_path / "草案.txt"
    path.write_bytes(DRAFT.encode("gb18030"))
    with ReviewLog.open(tmp_path / "log.sqlite3") as log:
        review_id = log.open_review(check_file(path), "fair_competition", unit="大气科")
    path.unlink()
    with ReviewLog.open(tmp_path / "log.sqlite3") as log:
        name, data = log.document_file(review_id)
        assert name == "草案.txt" and data == DRAFT.encode("gb18030")
        assert log.verify().ok


def test_a_changed_blob_is_reported_by_verify(tmp_path):
    path = tmp_path / "草案.txt"
    path.write_text(DRAFT, encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    with ReviewLog.open(db) as log:
        log.open_review(check_file(path), "legality")
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER document_files_no_update")
    conn.execute("UPDATE document_files SET data = ?", ["关于某事的规定（已改）".encode()])
    conn.commit()
    conn.close()
    with ReviewLog.open(db) as log:
        report = log.verify()
    assert not report.ok
    assert any(p.where == "document_files" and "指纹不符" in p.message for p in report.problems)


def test_a_log_written_before_document_files_is_upgraded_on_open(tmp_path):
    # Make a schema-1 file: today's program, with the migrations after 0001 undone.
    db = tmp_path / "old.sqlite3"
    path = tmp_path / "草案.txt"
    path.write_text(DRAFT, encoding="utf-8")
    with ReviewLog.open(db) as log:
        review_id = log.open_review(check_file(path), "legality")
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP TABLE document_files; DELETE FROM _sqlite_migrations WHERE name = '0002_document_files';"
        "DROP TABLE letters; DELETE FROM _sqlite_migrations WHERE name = '0003_letters';"
        "DROP TABLE signatures; DELETE FROM _sqlite_migrations WHERE name = '0004_signatures';"
        "DROP TABLE case_corrections; DELETE FROM _sqlite_migrations WHERE name = '0006_case_corrections';"
        + "".join(f"DROP TABLE {t};" for t in reversed(schema.STOCK_TABLES))
        + "DELETE FROM _sqlite_migrations WHERE name = '0005_stock';"
        "PRAGMA user_version = 1;"
    )
    conn.close()
    with ReviewLog.open(db) as log:
        assert log.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert log.document_file(review_id) is None  # not kept before the upgrade
        assert log.review(review_id).id == review_id
        assert log.verify().ok
