"""Crash safety: SIGKILL a writing process at random moments, 200+ times.

A forked child (cheap: no interpreter start-up) opens the log and writes
without pause: reviews with many findings, dispositions, opinions, edits,
closures. Before each operation it writes "BEGIN" to a pipe and after the
commit returns "DONE table uuid". The parent kills it after a random delay,
then checks SQLite's integrity_check, the hash chain and records
(``verify``), and that every write reported DONE is in the file.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

import pytest

from workbench.log import ReviewLog

KILLS = 220
FILES = 4  # rotate files so kills also land while a new log is being created
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def _writer(path, fd, seed, make_result, make_finding) -> None:
    rng = random.Random(seed)

    def say(text):
        os.write(fd, (text + "\n").encode())

    log = ReviewLog.open(path, timeout=10)
    review, opinions = None, []
    while True:
        roll = rng.random()
        say("BEGIN")
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


def _run_child(path, seed, make_result, make_finding) -> int:
    """Fork a writer; returns the read end of its report pipe."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read)
        try:
            _writer(path, write, seed, make_result, make_finding)
        except BaseException as exc:  # reported, so the parent fails with the cause
            os.write(write, f"ERROR {type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(0)
    os.close(write)
    return pid, read


def _read_all(fd) -> list[str]:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode().splitlines()


def test_sigkill_at_random_moments_loses_no_reported_write(tmp_path, make_result, make_finding):
    seed = int(time.time())
    rng = random.Random(seed)
    paths = [tmp_path / f"log{i}.sqlite3" for i in range(FILES)]
    reported: dict = {p: [] for p in paths}
    mid_write = 0
    for kill in range(KILLS):
        path = paths[kill % FILES]
        pid, fd = _run_child(path, rng.getrandbits(32), make_result, make_finding)
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = _read_all(fd)
        errors = [line for line in lines if line.startswith("ERROR")]
        assert not errors, f"seed {seed}, kill {kill}: the writer failed: {errors}"
        mid_write += bool(lines) and lines[-1] == "BEGIN"
        reported[path] += [line.split()[1:] for line in lines if line.startswith("DONE")]

        conn = sqlite3.connect(path)  # a plain reader first: what any program would see
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed}, kill {kill}"
        conn.close()
        if path.exists() and path.stat().st_size:
            with ReviewLog.open(path) as log:
                report = log.verify(integrity=False)
                assert report.ok, f"seed {seed}, kill {kill}: {report.problems[:3]}"
                for table, record in reported[path][-50:]:  # the newest writes are the ones at risk
                    found = log.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [record]).fetchone()
                    assert found, f"seed {seed}, kill {kill}: reported {table} {record} is missing"
    # Every write ever reported is there at the end.
    for path, writes in reported.items():
        with ReviewLog.open(path) as log:
            assert log.verify().ok
            for table, record in writes:
                assert log.conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", [record]).fetchone(), (seed, table, record)
    total = sum(len(w) for w in reported.values())
    print(f"seed {seed}: {KILLS} kills, {mid_write} in the middle of a write, {total} writes reported and found")
    # The kills really landed in the middle of writes, and the writer got work done.
    assert mid_write > KILLS // 4, (seed, mid_write)
    assert total > KILLS, (seed, total)
