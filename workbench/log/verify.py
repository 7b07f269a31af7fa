"""``workbench log verify``: is the file still what the workbench wrote?

Checks, in order: SQLite's own ``PRAGMA integrity_check``; the hash chain of
the events (each event's ``prev_hash`` is the previous hash, and its hash is
recomputed from its content); every record row equals the payload of the event
that created it, has such an event, and no event's record is missing; the
append-only triggers are in place. Problems name the event number (seq), the
table and the record. Deleting the last events together with their records
leaves a shorter but consistent chain: compare ``head`` with a value noted
earlier (e.g. printed on the register) to detect that.
"""

from __future__ import annotations

import hashlib

import json

from workbench.errors import WorkbenchError
from workbench.log import schema
from workbench.log.chain import event_hash
from workbench.log.model import Problem, VerifyReport

MAX_PROBLEMS = 200  # enough to see the extent of damage without flooding the screen


def verify(log, *, integrity: bool = True) -> VerifyReport:
    report = VerifyReport()
    with log._expected():
        conn = log.conn
        if integrity:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            report.integrity = "ok" if rows == ["ok"] else "；".join(rows[:20])
        hashes = _check_chain(conn, report)
        _check_signatures(conn, hashes, report)
        for table, cols in schema.RECORD_COLUMNS.items():
            _check_records(conn, table, cols, report)
        _check_document_files(conn, report)
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        missing = sorted(schema.APPEND_ONLY_TRIGGERS - triggers)
        if missing:
            _add(report, Problem(None, "schema", None, f"保护记录只增不改的触发器被删除：{'、'.join(missing)}"))
    return report


def _check_document_files(conn, report: VerifyReport) -> None:
    """Each stored file must hash to its key, which a chained record (a draft, an issued
    document, a case file) carries."""
    known = {r[0] for table in schema.FILE_TABLES for r in conn.execute(f"SELECT sha256 FROM {table}")}
    for sha, name, data in conn.execute("SELECT sha256, file_name, data FROM document_files"):
        if hashlib.sha256(bytes(data)).hexdigest() != sha:
            _add(report, Problem(None, "document_files", sha, f"保存的草案原文“{name}”与记录的指纹不符（文件内容被改动）"))
        elif sha not in known:
            _add(report, Problem(None, "document_files", sha, f"保存的草案原文“{name}”没有对应的文件记录（被外部插入）"))


def _add(report: VerifyReport, problem: Problem) -> None:
    if len(report.problems) < MAX_PROBLEMS:
        report.problems.append(problem)


def _check_chain(conn, report: VerifyReport) -> dict[int, str]:
    """Check the chain; returns each event's stored hash by seq (the signatures sign them)."""
    hashes: dict[int, str] = {}
    prev = ""
    expected_seq = 1
    cur = conn.execute(
        "SELECT seq, uuid, origin, at, actor, type, entity, record, payload, prev_hash, hash FROM events ORDER BY seq"
    )
    names = [d[0] for d in cur.description]
    for values in cur:
        ev = dict(zip(names, values))
        report.events += 1
        if ev["seq"] != expected_seq:
            _add(report, Problem(ev["seq"], "events", ev["record"],
                                 f"第 {expected_seq} 至 {ev['seq'] - 1} 条事件缺失（被删除）"))
        if ev["prev_hash"] != prev:
            _add(report, Problem(ev["seq"], "events", ev["record"],
                                 f"第 {ev['seq']} 条事件（{ev['type']}）与前一条事件的哈希不衔接：其前的事件被删除、插入或改动"))
        elif event_hash(prev, ev, ev["payload"]) != ev["hash"]:
            _add(report, Problem(ev["seq"], "events", ev["record"],
                                 f"第 {ev['seq']} 条事件（{ev['type']}）的内容与其哈希不符：该事件被改动"))
        prev = ev["hash"]
        hashes[ev["seq"]] = ev["hash"]
        expected_seq = ev["seq"] + 1
    report.head = prev
    return hashes


def _check_signatures(conn, hashes: dict[int, str], report: VerifyReport) -> None:
    """Each signature must verify over its event's hash with a key this machine knows,
    and the last event must be signed (else the tail was added by another program)."""
    from workbench.log.signing import fingerprint, head_message, installation_key, trusted_keys, verify_signature

    try:
        own = installation_key().public_hex
    except WorkbenchError:  # no key can be made here (read-only data folder): only trusted keys count
        own = ""
    trusted = trusted_keys()
    last_signed = 0
    for seq, key, signature in conn.execute("SELECT seq, key, signature FROM signatures ORDER BY seq"):
        report.signed += 1
        digest = hashes.get(seq)
        if digest is None:
            _add(report, Problem(seq, "signatures", None, f"第 {seq} 条事件的签名所指的事件已不存在（被删除）"))
            continue
        if not verify_signature(key, signature, head_message(seq, digest)):
            _add(report, Problem(seq, "signatures", None,
                                 f"第 {seq} 条事件处的签名与日志内容不符：第 {seq} 条及其之前的事件在签名后被改动（哈希被重新计算）"))
            continue
        if key != own and key not in trusted:
            _add(report, Problem(seq, "signatures", None,
                                 f"第 {seq} 条事件由本机不认识的密钥 {fingerprint(key)} 签名：可能是在另一台电脑上写入，"
                                 "也可能是有人用自己的密钥重新签名了日志"))
            continue
        report.signers[fingerprint(key)] = "本机" if key == own else trusted[key]
        last_signed = max(last_signed, seq)
    last = max(hashes) if hashes else 0
    if last > last_signed:
        _add(report, Problem(last_signed + 1, "signatures", None,
                             f"第 {last_signed + 1} 至 {last} 条事件没有有效签名：它们不是本程序写入的，或签名被删除"))


def _check_records(conn, table: str, cols: tuple[str, ...], report: VerifyReport) -> None:
    select = ", ".join(f"t.{c}" for c in cols)
    cur = conn.execute(
        f"SELECT {select}, e.seq, e.payload FROM {table} t "
        f"LEFT JOIN events e ON e.record = t.uuid AND e.entity = ?",
        [table],
    )
    for values in cur:
        row = dict(zip(cols, values[: len(cols)]))
        seq, payload = values[len(cols)], values[len(cols) + 1]
        if seq is None:
            _add(report, Problem(None, table, row["uuid"],
                                 f"表 {table} 中的记录 {row['uuid']} 没有对应的事件：它不是本程序写入的"))
            continue
        try:
            recorded = json.loads(payload)
        except ValueError:
            recorded = {}
        if recorded != row:
            changed = sorted(c for c in set(cols) | set(recorded) if recorded.get(c) != row.get(c))
            _add(report, Problem(seq, table, row["uuid"],
                                 f"表 {table} 中的记录 {row['uuid']} 与第 {seq} 条事件所载不符"
                                 f"（改动的字段：{'、'.join(changed)}）"))
    for seq, record in conn.execute(
        f"SELECT seq, record FROM events e WHERE entity = ? AND NOT EXISTS "
        f"(SELECT 1 FROM {table} t WHERE t.uuid = e.record)",
        [table],
    ):
        _add(report, Problem(seq, table, record, f"第 {seq} 条事件所载的 {table} 记录 {record} 已被删除"))
