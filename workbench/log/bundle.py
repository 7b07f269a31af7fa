"""Merge bundles: carry records between offline machines on a USB stick.

A bundle is a UTF-8 JSON Lines file: a header line, one line per event (its
uuid, origin, time, actor, type, record and exact payload text), and a trailer
with the count and the SHA-256 of the lines before it, so a bundle cut short
in copying is refused rather than half-imported.

Export takes the record events written (here or imported) since a local date,
plus the events of every record they refer to (the finding a disposition
disposes of, the review a finding belongs to …), so a bundle always imports
on its own. Import skips events whose uuid the log already holds and
re-chains the rest into the local chain (see ``workbench.log.store``), all in
one transaction: importing the same bundle twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import date, datetime, time, timezone
from pathlib import Path

from workbench.log import schema
from workbench.log.chain import canonical
from workbench.log.errors import BundleError, raise_expected
from workbench.log.model import ImportReport

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
    header = {
        "format": FORMAT, "version": VERSION, "schema": schema.SCHEMA_VERSION, "origin": log.log_id,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "since": since.isoformat() if since else None, "events": len(events),
    }
    lines = [canonical(header)] + [canonical({k: ev[k] for k in EVENT_FIELDS}) for ev in events]
    body = "".join(line + "\n" for line in lines)
    trailer = canonical({"end": True, "events": len(events), "sha256": hashlib.sha256(body.encode()).hexdigest()})
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
        raise BundleError(f"无法读取合并包“{path}”（{exc.strerror or exc}）。请检查路径后重试。") from None
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
    if (
        not isinstance(trailer, dict)
        or not trailer.get("end")
        or trailer.get("sha256") != hashlib.sha256(body.encode()).hexdigest()
        or trailer.get("events") != len(lines) - 2
    ):
        raise _bad(path, "文件不完整或被改动（复制时中断？）")
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


def import_bundle(log, path) -> ImportReport:
    header, events = read_bundle(path)
    with log._write():
        known: set[str] = set()
        uuids = [ev["uuid"] for ev in events]
        for i in range(0, len(uuids), _BATCH):
            chunk = uuids[i : i + _BATCH]
            known |= {
                r[0] for r in log.conn.execute(f"SELECT uuid FROM events WHERE uuid IN ({', '.join('?' * len(chunk))})", chunk)
            }
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
                })]
            )
    return ImportReport(added=len(new), skipped=len(events) - len(new))
