"""Offline merge: export a bundle on one machine, import it on another, twice if you like."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from workbench.log import BundleError, ReviewLog

YEAR = (date(2000, 1, 1), date(2100, 1, 1))


@pytest.fixture
def machines(tmp_path):
    a = ReviewLog.open(tmp_path / "a.sqlite3")
    b = ReviewLog.open(tmp_path / "b.sqlite3")
    yield a, b
    a.close()
    b.close()


def fill(log, make_result, make_finding, title, reviewer):
    review = log.open_review(make_result(f"{title}\n正文", [make_finding(), make_finding(message="二")]), "legality",
                             reviewer=reviewer, unit="法规科")
    log.dispose(review, "F1", "accept", actor=reviewer)
    opinion = log.add_opinion(review, "王律师", f"{title}的意见。", finding_id="F2")
    return review, opinion


def event_count(log):
    return log.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_importing_twice_changes_nothing(machines, tmp_path, make_result, make_finding):
    a, b = machines
    review, _ = fill(a, make_result, make_finding, "关于甲的通知", "张三")
    a.close_review(review, "amend")
    bundle = tmp_path / "a.bundle"
    assert a.export_bundle(None, bundle) == 7
    report = b.import_bundle(bundle)
    assert (report.added, report.skipped) == (7, 0)
    assert b.review(review) == a.review(review)
    count, state = event_count(b), b.review(review)
    report = b.import_bundle(bundle)
    assert (report.added, report.skipped) == (0, 7)
    assert event_count(b) == count and b.review(review) == state
    assert b.verify().ok and a.verify().ok


def test_two_reviewers_combine_their_logs_into_one_register(machines, tmp_path, make_result, make_finding):
    a, b = machines
    ra, _ = fill(a, make_result, make_finding, "关于甲的通知", "张三")
    rb, _ = fill(b, make_result, make_finding, "关于乙的通知", "李四")
    a.export_bundle(None, tmp_path / "a.bundle")
    b.export_bundle(None, tmp_path / "b.bundle")
    b.import_bundle(tmp_path / "a.bundle")
    a.import_bundle(tmp_path / "b.bundle")
    rows_a = [{k: v for k, v in r.items()} for r in a.register_rows(*YEAR)]
    rows_b = [{k: v for k, v in r.items()} for r in b.register_rows(*YEAR)]
    assert {r["review_id"] for r in rows_a} == {ra, rb}
    assert sorted(rows_a, key=lambda r: r["review_id"]) == sorted(rows_b, key=lambda r: r["review_id"])
    # Each file keeps its own verifiable chain; origins tell who wrote what.
    assert a.verify().ok and b.verify().ok
    origins = {e.origin for e in a.history(rb)}
    assert origins == {b.log_id}


def test_since_takes_recent_records_with_what_they_refer_to(machines, tmp_path, make_result, make_finding):
    a, b = machines
    review, _ = fill(a, make_result, make_finding, "关于甲的通知", "张三")
    tomorrow = date.today() + timedelta(days=1)
    assert a.export_bundle(tomorrow, tmp_path / "none.bundle") == 0
    a.export_bundle(date.today(), tmp_path / "today.bundle")
    b.import_bundle(tmp_path / "today.bundle")
    assert b.review(review) == a.review(review)


def test_concurrent_edits_of_one_opinion_settle_the_same_way_on_both_machines(machines, tmp_path, make_result, make_finding):
    a, b = machines
    review, opinion = fill(a, make_result, make_finding, "关于甲的通知", "张三")
    a.export_bundle(None, tmp_path / "base.bundle")
    b.import_bundle(tmp_path / "base.bundle")
    a.edit_opinion(opinion, "甲机上的修改。")
    b.edit_opinion(opinion, "乙机上的修改。")  # later: wins on both machines
    a.export_bundle(None, tmp_path / "a.bundle")
    b.export_bundle(None, tmp_path / "b.bundle")
    a.import_bundle(tmp_path / "b.bundle")
    b.import_bundle(tmp_path / "a.bundle")
    assert a.review(review).opinions == b.review(review).opinions
    assert a.review(review).opinions[0].text == "乙机上的修改。"


def test_a_truncated_bundle_is_refused_and_nothing_imported(machines, tmp_path, make_result, make_finding):
    a, b = machines
    fill(a, make_result, make_finding, "关于甲的通知", "张三")
    bundle = tmp_path / "a.bundle"
    a.export_bundle(None, bundle)
    lines = bundle.read_text(encoding="utf-8").splitlines(keepends=True)
    bundle.write_text("".join(lines[:3] + lines[-1:]), encoding="utf-8")
    before = event_count(b)
    with pytest.raises(BundleError, match="不完整"):
        b.import_bundle(bundle)
    assert event_count(b) == before


def test_a_bundle_from_a_newer_program_is_refused(machines, tmp_path, make_result, make_finding):
    a, b = machines
    fill(a, make_result, make_finding, "关于甲的通知", "张三")
    bundle = tmp_path / "a.bundle"
    a.export_bundle(None, bundle)
    lines = bundle.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["schema"] = 99
    bundle.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    with pytest.raises(BundleError, match="升级"):
        b.import_bundle(bundle)


def test_a_bundle_missing_a_referenced_record_is_refused_whole(machines, tmp_path, make_result, make_finding):
    import hashlib

    from workbench.log.signing import bundle_message, installation_key

    a, b = machines
    fill(a, make_result, make_finding, "关于甲的通知", "张三")
    bundle = tmp_path / "a.bundle"
    a.export_bundle(None, bundle)
    lines = bundle.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines[1:-1] if '"entity":"documents"' not in line]  # drop the document
    header = json.loads(lines[0])
    body = lines[0] + "".join(kept)
    digest = hashlib.sha256(body.encode()).hexdigest()
    # Re-signed with the key that made it (same data folder): a bundle its own machine got wrong.
    trailer = {"end": True, "events": len(kept), "sha256": digest, "signature": installation_key().sign(bundle_message(digest))}
    bundle.write_text(body + json.dumps(trailer) + "\n", encoding="utf-8")
    assert header["events"] == len(kept) + 1
    before = event_count(b)
    with pytest.raises(BundleError, match="引用"):
        b.import_bundle(bundle)
    assert event_count(b) == before
