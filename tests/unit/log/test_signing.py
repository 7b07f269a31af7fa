"""The log's proof holds up: signatures by a key kept outside the file, signed bundles, the printed check code."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from workbench.cli import main
from workbench.log import BundleError, ReviewLog
from workbench.log.anchor import check_anchor, head_code
from workbench.log.bundle import UntrustedBundleError
from workbench.log.chain import canonical, event_hash
from workbench.log.signing import KEY_FILE, bundle_message


def _review(log, make_result, make_finding):
    review = log.open_review(make_result("关于甲的通知\n正文", [make_finding(), make_finding(message="二")]), "legality")
    log.dispose(review, "F1", "accept")
    return review


def _rechain(path, edit_payload):
    """What another program can do with the file alone: edit, recompute every hash with the public algorithm."""
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    rows = conn.execute("SELECT seq, uuid, origin, at, actor, type, entity, record, payload FROM events ORDER BY seq").fetchall()
    names = ("seq", "uuid", "origin", "at", "actor", "type", "entity", "record", "payload")
    prev = ""
    for values in rows:
        ev = dict(zip(names, values))
        payload = edit_payload(ev)
        if payload != ev["payload"]:
            row = json.loads(payload)
            sets = ", ".join(f"{k} = ?" for k in row)
            conn.execute(f"UPDATE {ev['entity']} SET {sets} WHERE uuid = ?", [*row.values(), row["uuid"]])
        digest = event_hash(prev, ev, payload)
        conn.execute("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", [payload, prev, digest, ev["seq"]])
        prev = digest
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _forge_closure(ev):
    if ev["entity"] == "closures":
        row = json.loads(ev["payload"])
        row.update(conclusion="pass", actor="伪造者")
        return canonical(row)
    return ev["payload"]


def test_the_key_is_kept_outside_the_log(log, log_path, make_result, make_finding, isolated_data_dir):
    _review(log, make_result, make_finding)
    key = (isolated_data_dir / KEY_FILE).read_bytes()
    assert b"PRIVATE KEY" in key
    body = b"".join(key.split(b"\n")[1:-2])
    assert body not in log_path.read_bytes()
    report = log.verify()
    assert report.ok and report.signed >= 3 and list(report.signers.values()) == ["本机"]


def test_a_chain_recomputed_with_the_public_algorithm_no_longer_verifies(log, log_path, make_result, make_finding):
    review = _review(log, make_result, make_finding)
    log.close_review(review, "reject")
    assert log.verify().ok
    log.close()
    _rechain(log_path, _forge_closure)
    with ReviewLog.open(log_path, readonly=True) as tampered:
        assert tampered.review(review).conclusion == "pass"  # the forgery is in the file …
        report = tampered.verify()
    assert not report.ok  # … and it is caught
    assert any("签名" in p.message and "改动" in p.message for p in report.problems), report.problems


def test_events_appended_without_the_key_are_named(log, log_path, make_result, make_finding):
    _review(log, make_result, make_finding)
    log.close()
    conn = sqlite3.connect(path := log_path)
    seq, prev = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    ev = {"seq": seq + 1, "uuid": "x" * 36, "origin": "o", "at": "2026-01-01T00:00:00+00:00", "actor": "伪造者",
          "type": "note", "entity": None, "record": None}
    payload = canonical({"text": "伪造"})
    conn.execute("INSERT INTO events (seq, uuid, origin, at, actor, type, entity, record, payload, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [*ev.values(), payload, prev, event_hash(prev, ev, payload)])
    conn.commit()
    conn.close()
    with ReviewLog.open(path, readonly=True) as tampered:
        report = tampered.verify()
    assert any("没有有效签名" in p.message for p in report.problems), report.problems


def test_a_log_re_signed_with_another_key_is_not_taken_for_ours(log, log_path, make_result, make_finding, tmp_path, monkeypatch):
    _review(log, make_result, make_finding)
    log.close()
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "forger"))  # someone else's key signs from here on
    with ReviewLog.open(log_path) as other:
        other.add_opinion(other.reviews()[0].id, "伪造者", "伪造的意见")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    with ReviewLog.open(log_path, readonly=True) as ours:
        report = ours.verify()
    assert any("不认识的密钥" in p.message for p in report.problems), report.problems


@pytest.fixture
def two_machines(tmp_path, monkeypatch):
    """Machine A (张三) and machine B, each with its own data folder (so its own key) and log."""
    dirs = {"a": tmp_path / "data-a", "b": tmp_path / "data-b"}

    def on(name):
        monkeypatch.setenv("WORKBENCH_DATA_DIR", str(dirs[name]))
        return tmp_path / f"{name}.sqlite3"

    return on


def test_a_forged_bundle_does_not_import(two_machines, tmp_path, make_result, make_finding):
    with ReviewLog.open(two_machines("a")) as a:
        review = _review(a, make_result, make_finding)
        a.close_review(review, "reject")
        a.export_bundle(None, tmp_path / "a.bundle")
    lines = (tmp_path / "a.bundle").read_text(encoding="utf-8").splitlines(keepends=True)
    forged = []
    for line in lines[1:-1]:
        ev = json.loads(line)
        if ev["entity"] == "closures":
            ev["payload"] = _forge_closure(ev)
            ev["actor"] = "伪造者"
        forged.append(canonical(ev) + "\n")
    body = lines[0] + "".join(forged)
    trailer = json.loads(lines[-1]) | {"sha256": hashlib.sha256(body.encode()).hexdigest()}  # recomputed, old signature
    (tmp_path / "forged.bundle").write_text(body + canonical(trailer) + "\n", encoding="utf-8")
    with ReviewLog.open(two_machines("b")) as b:
        before = b.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        with pytest.raises(BundleError, match="签名"):
            b.import_bundle(tmp_path / "forged.bundle", trust_signer=True)
        assert b.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
        assert b.verify().ok


def test_another_machines_bundle_is_trusted_once_after_showing_its_key(two_machines, tmp_path, make_result, make_finding, capsys):
    with ReviewLog.open(two_machines("a")) as a:
        _review(a, make_result, make_finding)
        a.export_bundle(None, tmp_path / "a.bundle")
    b_path = two_machines("b")
    with ReviewLog.open(b_path) as b:
        with pytest.raises(UntrustedBundleError) as info:
            b.import_bundle(tmp_path / "a.bundle")
        assert "的电脑" in info.value.signer.name and info.value.signer.fingerprint in info.value.message
        assert b.import_bundle(tmp_path / "a.bundle", trust_signer=True).added > 0
        assert b.verify().ok
    # The CLI: trusted now, so no flag is needed the next time; an unknown signer needs --trust.
    assert main(["log", "import", str(tmp_path / "a.bundle"), "--db", str(b_path)]) == 0
    with ReviewLog.open(two_machines("a")) as a:
        a.export_bundle(None, tmp_path / "a2.bundle")
    two_machines("b")
    (tmp_path / "data-b" / "trusted-keys.json").unlink()
    assert main(["log", "import", str(tmp_path / "a2.bundle"), "--db", str(b_path)]) == 2
    assert "--trust" in capsys.readouterr().err
    assert main(["log", "import", str(tmp_path / "a2.bundle"), "--db", str(b_path), "--trust"]) == 0


def test_a_conflicting_re_import_is_reported_not_skipped(two_machines, tmp_path, make_result, make_finding):
    with ReviewLog.open(two_machines("a")) as a:
        review = _review(a, make_result, make_finding)
        a.close_review(review, "reject")
        a.export_bundle(None, tmp_path / "a.bundle")
    with ReviewLog.open(two_machines("b")) as b:
        b.import_bundle(tmp_path / "a.bundle", trust_signer=True)
    # Machine A's log is edited behind the program's back, and A exports again (signing what it holds).
    _rechain(tmp_path / "a.sqlite3", _forge_closure)
    with ReviewLog.open(two_machines("a")) as a:
        a.export_bundle(None, tmp_path / "again.bundle")
    with ReviewLog.open(two_machines("b")) as b:
        before = b.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        with pytest.raises(BundleError, match="内容不同") as info:
            b.import_bundle(tmp_path / "again.bundle")
        assert "review.closed" in info.value.message
        assert b.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
        assert b.review(review).conclusion == "reject"


def test_the_printed_check_code_proves_what_the_log_held(log, log_path, make_result, make_finding, capsys):
    review = _review(log, make_result, make_finding)
    log.close_review(review, "reject")
    printed = head_code(log)
    log.open_review(make_result("关于乙的通知\n正文"), "legality")  # the log grows after printing: still fine
    assert check_anchor(log, printed).ok
    assert check_anchor(log, printed.lower().replace("-", " ", 2)).ok  # typed by hand
    assert main(["log", "verify", "--anchor", printed, "--db", str(log_path)]) == 0
    log.close()
    _rechain(log_path, _forge_closure)
    with ReviewLog.open(log_path, readonly=True) as tampered:
        result = check_anchor(tampered, printed)
    assert not result.ok and "改写" in result.message
    capsys.readouterr()
    assert main(["log", "verify", "--anchor", printed, "--db", str(log_path)]) == 1
    assert "打印件校验未通过" in capsys.readouterr().out
