"""Merge bundles: carry records between offline machines on a USB stick.

A bundle is a UTF-8 JSON Lines file: a header line (naming the exporting
machine and its public key), one line per event (its uuid, origin, time,
actor, type, record and exact payload text), and a trailer with the count,
the SHA-256 of the lines before it and the exporting installation's Ed25519
signature of that hash (``workbench.log.signing``). A bundle cut short in
copying, edited, or signed by a key this machine has not trusted is refused
rather than imported; the user trusts another machine's key once, after
seeing its name and fingerprint.

Export takes the record events written (here or imported) since a local date,
plus the events of every record they refer to (the finding a disposition
disposes of, the review a finding belongs to …), so a bundle always imports
on its own. Import skips events whose uuid the log already holds with the
same content (an event held with other content is a conflict: the import is
refused and the conflicts are listed), and re-chains the rest into the local chain (see ``workbench.log.store``), all in
one transaction: importing the same bundle twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
import os
import sqlite3
from datetime import date, datetime, time, timezone
from pathlib import Path

from workbench.errors import os_reason
from workbench.log import schema
from workbench.log.chain import canonical
from workbench.log.errors import BundleError, raise_expected
from workbench.log.model import ImportReport
from workbench.log.signing import bundle_message, fingerprint, installation_key, is_trusted, machine_name, trust, verify_signature

FORMAT = "workbench-log-bundle"
VERSION = 1
EVENT_FIELDS = ("uuid", "origin", "at", "actor", "type", "entity", "record", "payload")
_BATCH = 500  # SQLite host parameters per IN (...) list


def _since_utc(since: date | None) -> str:
    if since is None:
        return ""
    # Local midnight of that day, as the UTC time events are stamped with.
    return datetime.combine(since, time.min).astimezone(timezone.utc).isoformat(timespec="microseconds")


def _rows(conn, sql, params) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def export_bundle(log, since: date | None, out) -> int:
    """Write the bundle to ``out``; returns the number of events in it."""
    out = Path(out).expanduser()
    cols = "seq, " + ", ".join(EVENT_FIELDS)
    with log._expected():
        conn = log.conn
        conn.execute("BEGIN")  # one snapshot for all the queries below
        try:
            picked = {
                r["seq"]: r
                for r in _rows(conn, f"SELECT {cols} FROM events WHERE entity IS NOT NULL AND at >= ?", [_since_utc(since)])
            }
            have = {r["record"] for r in picked.values()}
            todo = picked.values()
            while True:
                wanted = set()
                for ev in todo:
                    payload = json.loads(ev["payload"])
                    for column in schema.REFERENCES[ev["entity"]]:
                        if payload.get(column) and payload[column] not in have:
                            wanted.add(payload[column])
                if not wanted:
                    break
                found = []
                ids = sorted(wanted)
                for i in range(0, len(ids), _BATCH):
                    chunk = ids[i : i + _BATCH]
                    found += _rows(
                        conn,
                        f"SELECT {cols} FROM events WHERE entity IS NOT NULL AND record IN ({', '.join('?' * len(chunk))})",
                        chunk,
                    )
                for r in found:
                    picked[r["seq"]] = r
                have |= wanted
                todo = found
        finally:
            conn.execute("COMMIT")
    events = [picked[s] for s in sorted(picked)]
    key = installation_key()
    header = {
        "format": FORMAT, "version": VERSION, "schema": schema.SCHEMA_VERSION, "origin": log.log_id,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "since": since.isoformat() if since else None, "events": len(events),
        "signer": {"key": key.public_hex, "name": machine_name()},
    }
    lines = [canonical(header)] + [canonical({k: ev[k] for k in EVENT_FIELDS}) for ev in events]
    body = "".join(line + "\n" for line in lines)
    digest = hashlib.sha256(body.encode()).hexdigest()
    trailer = canonical({"end": True, "events": len(events), "sha256": digest, "signature": key.sign(bundle_message(digest))})
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(body + trailer + "\n", encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise_expected(exc, out)
        raise
    return len(events)


def _bad(path, problem: str) -> BundleError:
    return BundleError(f"合并包“{path}”无法导入：{problem}。日志未作任何改动。请重新导出该合并包后再导入。")


def read_bundle(path) -> tuple[dict, list[dict]]:
    """Parse and check a bundle; returns (header, events) or raises BundleError."""
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BundleError(f"无法读取合并包“{path}”（{os_reason(exc)}）。请检查路径后重试。") from None
    except UnicodeDecodeError:
        raise _bad(path, "这不是工作台导出的合并包") from None
    lines = text.splitlines(keepends=True)
    try:
        header = json.loads(lines[0])
        trailer = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise _bad(path, "这不是工作台导出的合并包") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _bad(path, "这不是工作台导出的合并包")
    if header.get("version", 0) > VERSION or header.get("schema", 0) > schema.SCHEMA_VERSION:
        raise BundleError(f"合并包“{path}”由更新版本的工作台导出。请先升级本机的工作台，再导入。日志未作任何改动。")
    body = "".join(lines[:-1])
    digest = hashlib.sha256(body.encode()).hexdigest()
    if (
        not isinstance(trailer, dict)
        or not trailer.get("end")
        or trailer.get("sha256") != digest
        or trailer.get("events") != len(lines) - 2
    ):
        raise _bad(path, "文件不完整或被改动（复制时中断？）")
    signer = header.get("signer")
    if (
        not isinstance(signer, dict)
        or not isinstance(signer.get("key"), str)
        or not isinstance(trailer.get("signature"), str)
        or not verify_signature(signer["key"], trailer["signature"], bundle_message(digest))
    ):
        raise _bad(path, "没有有效的签名（文件被改动，或由尚无签名功能的旧版本导出：请用新版本重新导出）")
    events = []
    for number, line in enumerate(lines[1:-1], 2):
        try:
            ev = json.loads(line)
            row = json.loads(ev["payload"])
            cols = schema.RECORD_COLUMNS[ev["entity"]]
        except (ValueError, KeyError, TypeError):
            raise _bad(path, f"第 {number} 行不是有效的记录") from None
        if set(ev) != set(EVENT_FIELDS) or set(row) != set(cols) or ev["record"] != row["uuid"]:
            raise _bad(path, f"第 {number} 行的记录与本程序的数据结构不符")
        ev["row"] = row
        events.append(ev)
    return header, events


@dataclass(frozen=True)
class BundleSigner:
    key: str
    name: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    @property
    def trusted(self) -> bool:
        return is_trusted(self.key)


class UntrustedBundleError(BundleError):
    """The bundle is intact and signed, but by a key this machine has not trusted yet."""

    def __init__(self, path, signer: BundleSigner):
        self.signer = signer
        super().__init__(
            f"合并包“{path}”由“{signer.name}”签名（密钥指纹 {signer.fingerprint}），本机尚未信任该密钥。"
            "请向对方核对指纹；确认无误后，在窗口中选择信任，或在命令行加 --trust 重新导入。日志未作任何改动。"
        )


def bundle_signer(path) -> BundleSigner:
    """Who signed the bundle at ``path`` (checked: the signature is valid)."""
    header, _ = read_bundle(path)
    return BundleSigner(header["signer"]["key"], str(header["signer"].get("name") or "未署名的电脑"))


_COMPARED = ("origin", "at", "actor", "type", "entity", "record", "payload")


def _conflicts(log, events: list[dict], known: set[str]) -> list[str]:
    """Events the log holds under the same uuid with other content."""
    held: dict[str, tuple] = {}
    ids = sorted(known)
    for i in range(0, len(ids), _BATCH):
        chunk = ids[i : i + _BATCH]
        for row in log.conn.execute(
            f"SELECT uuid, {', '.join(_COMPARED)} FROM events WHERE uuid IN ({', '.join('?' * len(chunk))})", chunk
        ):
            held[row[0]] = tuple(row[1:])
    return [
        f"{ev['uuid'][:8]}（{ev['type']}，{ev['actor']}，{ev['at'][:10]}）"
        for ev in events
        if ev["uuid"] in held and held[ev["uuid"]] != tuple(ev[k] for k in _COMPARED)
    ]


def import_bundle(log, path, *, trust_signer: bool = False) -> ImportReport:
    """Merge the bundle at ``path``; ``trust_signer``: the user has confirmed the signer's key."""
    header, events = read_bundle(path)
    signer = BundleSigner(header["signer"]["key"], str(header["signer"].get("name") or "未署名的电脑"))
    if not signer.trusted:
        if not trust_signer:
            raise UntrustedBundleError(path, signer)
        trust(signer.key, signer.name)
    with log._write():
        known: set[str] = set()
        uuids = [ev["uuid"] for ev in events]
        for i in range(0, len(uuids), _BATCH):
            chunk = uuids[i : i + _BATCH]
            known |= {
                r[0] for r in log.conn.execute(f"SELECT uuid FROM events WHERE uuid IN ({', '.join('?' * len(chunk))})", chunk)
            }
        conflicts = _conflicts(log, events, known)
        if conflicts:
            shown = "；".join(conflicts[:10]) + (f"……共 {len(conflicts)} 条" if len(conflicts) > 10 else "")
            raise BundleError(
                f"合并包“{path}”中有 {len(conflicts)} 条记录与本日志中编号相同的记录内容不同：{shown}。"
                "同一条记录不应有两个版本，可能有一方被改动过。导入已取消，日志未作任何改动；请与导出方核对。"
            )
        new = [ev for ev in events if ev["uuid"] not in known]
        if new:
            try:
                log._append_events(new)
            except sqlite3.IntegrityError:
                raise _bad(path, "其中的记录引用了本日志和合并包中都没有的记录，或与本日志中的记录编号冲突") from None
            log._append(
                [(None, "bundle.imported", {
                    "bundle_origin": header.get("origin"), "exported_at": header.get("exported_at"),
                    "since": header.get("since"), "added": len(new), "skipped": len(events) - len(new),
                    "signer": signer.name, "signer_key": signer.key,
                })]
            )
    return ImportReport(added=len(new), skipped=len(events) - len(new))
