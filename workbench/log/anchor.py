"""The log's check code (日志校验码): the chain head, printed on paper as an outside witness.

``code`` is the number of events and the first 64 bits of the last event's
hash, e.g. ``1234-3F9A-C2D1-88E0-7B11``. Every register, letter and statistics
page carries the code of the log it was printed from. Later,
``workbench log verify --anchor CODE`` proves the log still holds what was
printed: event 1234 must still exist with that hash, and the chain up to it
must verify. Someone who rewrites the log, even recomputing every hash with
the public algorithm, changes the hash of event 1234 and the code on paper no
longer matches; only a rewrite that leaves events 1…1234 as they were can
keep it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX_HEX = 16  # 64 bits: no one can make another chain with the same code


def format_code(seq: int, digest: str) -> str:
    prefix = digest[:PREFIX_HEX].upper()
    return f"{seq}-" + "-".join(prefix[i : i + 4] for i in range(0, len(prefix), 4))


def head_code(log) -> str:
    """The code of the log as it stands (``0-…`` for a log without events)."""
    with log._expected():
        row = log.conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return format_code(row[0], row[1]) if row else "0"


_CODE = re.compile(r"^\s*(\d+)\s*[-－—:：\s]\s*([0-9A-Fa-f][0-9A-Fa-f\s\-－]*)$")


@dataclass(frozen=True)
class AnchorCheck:
    ok: bool
    message: str


def parse_code(code: str) -> tuple[int, str] | None:
    m = _CODE.match(code or "")
    if not m:
        return None
    digits = re.sub(r"[\s\-－]", "", m.group(2)).lower()
    return (int(m.group(1)), digits) if len(digits) >= 8 else None


def check_anchor(log, code: str) -> AnchorCheck:
    """Does the log still hold the events a page printed with ``code`` was made from?"""
    parsed = parse_code(code)
    if parsed is None:
        return AnchorCheck(False, f"校验码“{code}”格式不对：应为打印件上“日志校验码”后的内容，如 1234-3F9A-C2D1-88E0-7B11。")
    seq, prefix = parsed
    with log._expected():
        row = log.conn.execute("SELECT hash FROM events WHERE seq = ?", [seq]).fetchone()
    if row is None:
        return AnchorCheck(False, f"日志中没有第 {seq} 条事件：打印之后日志被删减或换成了另一份日志。")
    if not row[0].startswith(prefix):
        return AnchorCheck(False, f"第 {seq} 条事件的哈希与打印件上的校验码不符：打印之后，该事件或其前的记录被改写。")
    return AnchorCheck(True, f"与打印件一致：日志仍完整保存着打印时的前 {seq} 条事件（校验码 {format_code(seq, row[0])}）。")
