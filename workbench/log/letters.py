"""Opinion letters' 文号 (焦环法审〔2026〕12号): numbered per year from the log, never twice.

A closed review's letter takes its number when it is first issued (exported or
printed): the next after the highest number the log holds for the year the
review was closed in, so numbers run without gaps. The reviewer may give
another number (the whole 文号, or only its serial, as ``--number`` does); a
number already on another review's letter is refused. Changing a letter's
number adds a row that supersedes the old one: the log keeps both.
"""

from __future__ import annotations

import re

from workbench.errors import WorkbenchError
from workbench.log.errors import LogError
from workbench.log.model import LetterRecord

# 〔2026〕12号 at the end of a 文号; full-width brackets as GB/T 9704 writes them,
# the look-alikes people type accepted too.
_NUMBER = re.compile(r"[〔\[［(（【](\d{4})[〕\]］)）】]\s*第?(\d+)\s*号$")


def format_number(prefix: str, year: int, serial: int) -> str:
    """焦环法审〔2026〕12号 (the prefix as set once in 设置; may be empty)."""
    return f"{prefix}〔{year}〕{serial}号"


def parse_number(text: str) -> tuple[int, int] | None:
    """(year, serial) of a 文号 such as 焦环法审〔2026〕12号, else None."""
    m = _NUMBER.search(text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def _head(rows: list[dict]) -> dict | None:
    superseded = {r["supersedes"] for r in rows if r["supersedes"]}
    heads = [r for r in rows if r["uuid"] not in superseded] or rows
    return max(heads, key=lambda r: (r["at"], r["uuid"])) if heads else None


def _record(row: dict | None) -> LetterRecord | None:
    if row is None:
        return None
    return LetterRecord(id=row["uuid"], review_id=row["review_uuid"], year=row["year"], serial=row["serial"],
                        number=row["number"], issued=row["issued"], actor=row["actor"], at=row["at"])


def letter_of(log, review_uuid: str) -> LetterRecord | None:
    """The current 文号 of the review's letter, if one was issued."""
    return _record(_head(log._query("SELECT * FROM letters WHERE review_uuid = ?", [review_uuid])))


def _current(log, where: str, params) -> list[dict]:
    return log._query(
        f"SELECT * FROM letters t WHERE {where} AND NOT EXISTS (SELECT 1 FROM letters x WHERE x.supersedes = t.uuid)",
        params,
    )


def next_serial(log, year: int) -> int:
    rows = _current(log, "year = ? AND serial IS NOT NULL", [year])
    return max((r["serial"] for r in rows), default=0) + 1


def _closed_year(log, review_uuid: str) -> int:
    closure = log._closure(review_uuid)
    if not closure:
        raise WorkbenchError("该审查尚未办结，不能出具意见书，也不能编文号。请先记录审查结论。")
    return int(closure["closed"][:4])


def proposed_number(log, review_id: str, prefix: str) -> str:
    """The number the letter has, or the one it would take now (nothing is written)."""
    review_uuid = log.find_review(review_id)
    current = letter_of(log, review_uuid)
    if current:
        return current.number
    year = _closed_year(log, review_uuid)
    return format_number(prefix, year, next_serial(log, year))


def issue_letter(log, review_id: str, *, prefix: str = "", number: str | None = None, issued=None,
                 actor: str) -> LetterRecord:
    """Give the review's letter its 文号 (the next free one unless ``number`` is given) and log it.

    Issuing again without a new number returns the number already given.
    ``number`` is a whole 文号 or just its serial (``12``: the prefix and the year are added).
    """
    from datetime import date

    from workbench.log.store import new_uuid, utc_now

    with log._write():
        review_uuid = log._by_prefix("reviews", "uuid", review_id, "审查")
        year = _closed_year(log, review_uuid)
        head = _head(log._query("SELECT * FROM letters WHERE review_uuid = ?", [review_uuid]))
        text = (number or "").strip()
        if not text:
            if head:
                return _record(head)
            serial = next_serial(log, year)
            text = format_number(prefix, year, serial)
        elif text.isdigit():
            serial = int(text)
            text = format_number(prefix, year, serial)
        else:
            parsed = parse_number(text)
            if parsed:
                year, serial = parsed
            else:
                serial = None
        if head and head["number"] == text:
            return _record(head)
        if serial is not None and serial < 1:
            raise WorkbenchError(f"文号“{text}”的序号应从 1 开始。")
        clash = [r for r in _current(log, "review_uuid != ? AND (number = ? OR (year = ? AND serial = ?))",
                                     [review_uuid, text, year, serial if serial is not None else -1])]
        if clash:
            raise LogError(f"文号“{text}”已用于另一件审查的意见书（{clash[0]['number']}），同一年度的文号不能重复。"
                           f"请换一个编号，或留空由程序取下一个号（{format_number(prefix, year, next_serial(log, year))}）。")
        row = {
            "uuid": new_uuid(), "review_uuid": review_uuid, "year": year, "serial": serial, "number": text,
            "issued": (issued or date.today()).isoformat(), "supersedes": head["uuid"] if head else None,
            "actor": actor, "at": utc_now(),
        }
        log._append([("letters", "letter.numbered", row)])
    return _record(row)
