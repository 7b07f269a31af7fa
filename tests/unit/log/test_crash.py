"""Crash safety: SIGKILL a writing process at points it reports, 80 times.

A forked child (cheap: no interpreter start-up) opens the log and writes
without pause: reviews with many findings, dispositions, opinions, edits,
closures. Every SQL statement it is about to run, it first reports on a pipe
("AT n") and waits for the parent's go-ahead; after a write's commit returns it
reports "DONE table uuid". The parent picks, from a fixed seed, the statement
at which to kill it (so kills land inside transactions, at their COMMIT, and
while a new log is being created), then checks SQLite's integrity_check, the
hash chain and records (``verify``), and that every write reported DONE is in
the file. Nothing depends on how fast the machine is: the child stands still
at the chosen point until it is killed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3

import pytest

from workbench.log import ReviewLog

KILLS = 80
FILES = 4  # rotate files so kills also land while a new log is being created
SEED = 20261016  # fixed: a failure names its kill and can be run again as it was
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def _writer(path, report_fd, go_fd, seed, make_result, make_finding) -> None:
    rng = random.Random(seed)
    statements = 0

    def say(text):
        os.write(report_fd, (text + "\n").encode())

    def at_statement(sql):
        nonlocal statements
        statements += 1
        say(f"AT {statements} {sql.split(None, 2)[:2]}")
        os.read(go_fd, 1)  # stand still until the parent says go (or kills us here)

    connect = sqlite3.connect

    def traced_connect(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(at_statement)
        return conn

    sqlite3.connect = traced_connect  # only in this forked child
    log = ReviewLog.open(path, timeout=30)
    review, opinions = None, []
    while True:
        roll = rng.random()
        if review is None or roll < 0.1:
            findings = [make_finding(message=f"问题{i}") for i in range(rng.randint(1, 25))]
            text = f"关于第{rng.getrandbits(48)}件事的通知\n" + "正文。" * rng.randint(1, 300)
            review, opinions = log.open_review(make_result(text, findings), "legality", reviewer="张三"), []
            done = ("reviews", review)
        elif roll < 0.45:
            opinion = log.add_opinion(review, "王律师", "意见。" * rng.randint(1, 200))
            opinions.append(opinion)
            done = ("opinions", opinion)
        elif roll < 0.6 and opinions:
            done = ("opinions", log.edit_opinion(rng.choice(opinions), f"修改{rng.random()}"))
        elif roll < 0.9:
            state = log.review(review)
            finding = rng.choice(state.findings)
            done = ("dispositions", log.dispose(review, finding.label, rng.choice(["accept", "dismiss"]), reason="理由"))
        else:
            done = ("closures", log.close_review(review, "pass"))
            review = None
        say(f"DONE {done[0]} {done[1]}")


def _run_until(path, seed, kill_at: int, make_result, make_finding) -> list[str]:
    """Fork a writer, let it run to its ``kill_at``-th statement, SIGKILL it there; returns its report."""
    report_r, report_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(report_r)
        os.close(go_w)
        try:
            _writer(path, report_w, go_r, seed, make_result, make_finding)
        except BaseException as exc:  # reported, so the parent fails with the cause
            os.write(report_w, f"ERROR {type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(0)
    os.close(report_w)
    os.close(go_r)
    lines: list[str] = []
    buffer = b""
    with os.fdopen(report_r, "rb", buffering=0) as report:
        while True:
            chunk = report.read(65536)
            if not chunk:
                break  # the child ended by itself (an ERROR line says why)
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            stop = False
            for raw in complete:
                line = raw.decode()
                lines.append(line)
                if line.startswith("AT "):
                    if int(line.split()[1]) >= kill_at:
                        os.kill(pid, signal.SIGKILL)
                        stop = True
                        break
                    os.write(go_w, b"g")
            if stop:
                break
    os.close(go_w)
    os.waitpid(pid, 0)
    return lines


def test_sigkill_at_reported_points_loses_no_reported_write(tmp_path, make_result, make_finding):
    rng = random.Random(SEED)
    paths = [tmp_path / f"log{i}.sqlite3" for i in range(FILES)]
    reported: dict = {p: [] for p in paths}
    in_transaction = at_commit = 0
    for kill in range(KILLS):
        path = paths[kill % FILES]
        # Early kills (first rounds of each file) fall while the log is created.
        kill_at = rng.randint(1, 12) if kill < FILES * 2 else rng.randint(1, 400)
        lines = _run_until(path, rng.getrandbits(32), kill_at, make_result, make_finding)
        where = f"seed {SEED}, kill {kill} at statement {kill_at}"
        errors = [line for line in lines if line.startswith("ERROR")]
        assert not errors, f"{where}: the writer failed: {errors}"
        assert lines and lines[-1].startswith("AT "), f"{where}: the kill did not land at a reported point"
        # Inside a write: a transaction was begun and not yet committed when the kill came.
        statements = [line for line in lines if line.startswith("AT ")]
        begun = [i for i, line in enumerate(statements) if "'BEGIN'" in line]
        committed = [i for i, line in enumerate(statements) if "'COMMIT'" in line]
        if begun and (not committed or committed[-1] < begun[-1] or committed[-1] == len(statements) - 1):
            in_transaction += 1
            at_commit += committed[-1] == len(statements) - 1 if committed else 0
        reported[path] += [line.split()[1:] for line in lines if line.startswith("DONE")]

        conn = sqlite3.connect(path)  # a plain reader first: what any program would see
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        conn.close()
        if path.exists() and path.stat().st_size:
            with ReviewLog.open(path) as log:
                report = log.verify(integrity=False)
                assert report.ok, f"{where}: {report.problems[:3]}"
                for table, record in reported[path][-50:]:  # the newest writes are the ones at risk
                    found = log.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [record]).fetchone()
                    assert found, f"{where}: reported {table} {record} is missing"
    # Every write ever reported is there at the end.
    for path, writes in reported.items():
        with ReviewLog.open(path) as log:
            assert log.verify().ok
            for table, record in writes:
                assert log.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [record]).fetchone(), (SEED, table, record)
    total = sum(len(w) for w in reported.values())
    print(f"seed {SEED}: {KILLS} kills, {in_transaction} inside a transaction ({at_commit} at its COMMIT), "
          f"{total} writes reported and found")
    # The seed is fixed, so these counts are the same on every machine; they
    # show the kills exercised what matters (mid-transaction, at COMMIT).
    assert in_transaction > KILLS // 3, in_transaction
    assert at_commit > 0 and total > 0
